// Sparkplug B topics: spBv1.0/<group>/<message type>/<edge node>[/<device>], and
// spBv1.0/STATE/<host> for a host application's state (JSON in Sparkplug 3.0).

export const sparkplugPrefix = 'spBv1.0/';

const descriptions: Record<string, string> = {
  NBIRTH: 'Node birth certificate',
  NDEATH: 'Node death certificate',
  DBIRTH: 'Device birth certificate',
  DDEATH: 'Device death certificate',
  NDATA: 'Node data',
  DDATA: 'Device data',
  NCMD: 'Node command',
  DCMD: 'Device command',
  STATE: 'Host application state',
};

export interface SparkplugTopic {
  messageType: string;
  description: string;
  certificate: 'birth' | 'death' | null;
  group: string | null;
  edgeNode: string | null;
  device: string | null;
}

export function isSparkplugTopic(topic: string): boolean {
  return topic.startsWith(sparkplugPrefix);
}

/** The parts of a Sparkplug topic, or null when it is not one. */
export function parseSparkplugTopic(topic: string): SparkplugTopic | null {
  if (!isSparkplugTopic(topic)) return null;
  const levels = topic.slice(sparkplugPrefix.length).split('/');
  if (levels[0] === 'STATE') return { messageType: 'STATE', description: descriptions.STATE, certificate: null, group: null, edgeNode: levels[1] ?? null, device: null };
  const [group, messageType, edgeNode, device] = levels;
  if (!messageType || !(messageType in descriptions)) return null;
  const certificate = messageType.endsWith('BIRTH') ? 'birth' : messageType.endsWith('DEATH') ? 'death' : null;
  return { messageType, description: descriptions[messageType], certificate, group: group ?? null, edgeNode: edgeNode ?? null, device: device ?? null };
}
