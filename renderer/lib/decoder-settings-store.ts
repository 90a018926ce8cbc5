// The decoder rules and .proto files the core keeps, as this window last heard them,
// and the text of the .proto files it has fetched (the decoders run here, on the bytes).
import { create } from 'zustand';
import type { DecoderSettings } from '../../shared/decoder-contract';

export interface DecoderSettingsState {
  settings: DecoderSettings | null;
  protoTexts: Record<string, string>;
  setSettings(settings: DecoderSettings): void;
  setProtoText(name: string, text: string): void;
}

export const useDecoderSettingsStore = create<DecoderSettingsState>()((set) => ({
  settings: null,
  protoTexts: {},
  setSettings: (settings) =>
    set((s) => {
      // A removed or replaced file's text must not linger: keep only names still listed.
      const names = new Set(settings.protoFiles.map((f) => f.name));
      return { settings, protoTexts: Object.fromEntries(Object.entries(s.protoTexts).filter(([n]) => names.has(n))) };
    }),
  setProtoText: (name, text) => set((s) => ({ protoTexts: { ...s.protoTexts, [name]: text } })),
}));
