// Changes to the decoder rules and .proto files: each asks the core, which keeps them,
// and stores what it answers, so every part of the window shows the same rules.
import type { ScopeApi } from '../../shared/contract';
import type { DecoderRule } from '../../shared/decoder-contract';
import { useDecoderSettingsStore } from './decoder-settings-store';

const store = () => useDecoderSettingsStore.getState();

export async function loadDecoderSettings(api: ScopeApi): Promise<void> {
  store().setSettings(await api.getDecoderSettings());
}

export async function ensureProtoText(api: ScopeApi, name: string): Promise<void> {
  if (store().protoTexts[name] !== undefined) return;
  const file = await api.getProtoFile({ name });
  store().setProtoText(file.name, file.text);
}

export async function rememberRule(api: ScopeApi, rule: DecoderRule): Promise<void> {
  store().setSettings(await api.saveDecoderRule({ rule }));
}

export async function forgetRule(api: ScopeApi, filter: string): Promise<void> {
  store().setSettings(await api.deleteDecoderRule({ filter }));
}

export async function addProtoText(api: ScopeApi, name: string, text: string): Promise<void> {
  const settings = await api.addProtoFile({ name, text });
  store().setProtoText(name, text);
  store().setSettings(settings);
}

export async function removeProto(api: ScopeApi, name: string): Promise<void> {
  store().setSettings(await api.removeProtoFile({ name }));
}
