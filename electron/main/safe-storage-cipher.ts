// Saved secrets encrypted with Electron's safeStorage (the macOS Keychain, Windows
// DPAPI, or the Secret Service / KWallet on Linux). Where it offers no real encryption
// (Linux with no keyring: the 'basic_text' backend) the core's file-only store is used,
// and the UI says so. Call after the app is ready.
import { safeStorage } from 'electron';
import { fileOnlyCipher, type SecretCipher } from '../core/profiles/secret-store';

export function safeStorageCipher(): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) return fileOnlyCipher;
  let description: string;
  if (process.platform === 'darwin') description = 'encrypted with a key in the macOS Keychain';
  else if (process.platform === 'win32') description = 'encrypted with Windows DPAPI for your user account';
  else {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return fileOnlyCipher;
    description = `encrypted with a key in your desktop keyring (${backend})`;
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
    available: true,
    description,
  };
}
