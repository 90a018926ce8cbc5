// Which tool wrote the file the user picked: decided by its content, not its name.
import { UserInputError } from '../../../../shared/rpc';
import type { ParsedImport } from './import-types';
import { looksLikeMqttExplorer, parseMqttExplorer } from './mqtt-explorer';
import { looksLikeMqttScope, parseMqttScope } from './mqtt-scope';
import { looksLikeMqttx, parseMqttx } from './mqttx';

export function parseImportFile(fileText: string): ParsedImport {
  let data: unknown;
  try {
    // A byte-order mark is common in files saved by Windows editors.
    data = JSON.parse(fileText.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UserInputError(`The file is not JSON (${(err as Error).message}). MQTT Scope imports its own exports, MQTTX's JSON export and MQTT Explorer's settings.json.`, 'file');
  }
  if (looksLikeMqttScope(data)) return parseMqttScope(data as Record<string, unknown>);
  if (looksLikeMqttExplorer(data)) return parseMqttExplorer(data);
  if (looksLikeMqttx(data)) return parseMqttx(data);
  throw new UserInputError(
    "The file is JSON but not a format MQTT Scope knows: expected an MQTT Scope export, MQTTX's JSON export (Export data → JSON) or MQTT Explorer's settings.json.",
    'file',
  );
}
