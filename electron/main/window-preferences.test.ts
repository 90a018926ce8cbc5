import { describe, expect, it } from 'vitest';
import { mainWindowWebPreferences } from './window-preferences';

describe('mainWindowWebPreferences', () => {
  const prefs = mainWindowWebPreferences('/app/out/main/preload.cjs');

  it('isolates, sandboxes and keeps Node out of the page, its workers and its frames', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security, refuses insecure content, experiments, Blink features and webviews', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('sets exactly these keys: a new one is a security decision to review here', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
    expect(prefs.preload).toBe('/app/out/main/preload.cjs');
  });
});
