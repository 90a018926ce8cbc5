// The application menu: standard roles only (they give macOS its Edit shortcuts and
// everyone zoom and dev tools), plus links that pass the external-link allowlist.
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { isAllowedExternalUrl } from './external-links';

const HELP_LINKS: readonly { label: string; url: string }[] = [
  { label: 'MQTT 5.0 Specification', url: 'https://docs.oasis-open.org/mqtt/mqtt/v5.0/mqtt-v5.0.html' },
  { label: 'MQTT 3.1.1 Specification', url: 'https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/mqtt-v3.1.1.html' },
];

export function buildAppMenu(isMac: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: HELP_LINKS.filter((link) => isAllowedExternalUrl(link.url)).map((link) => ({
        label: link.label,
        click: () => void shell.openExternal(link.url),
      })),
    },
  ];
  return Menu.buildFromTemplate(template);
}
