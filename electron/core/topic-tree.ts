// The topic tree of one connection: one node per topic level, subtree counters kept
// up to date on every message, and each topic's history. Previews are computed only
// when a row is shown, never on the ingest path.
import type { HistoryLimits, Qos } from '../../shared/contract';
import { MessageHistory, type StoredMessage } from './message-history';
import type { HistoryBudget } from './history-budget';

export class TopicNode {
  readonly children = new Map<string, TopicNode>();
  private sorted: TopicNode[] | null = null;
  /** Messages at or below this node. */
  messageCount = 0;
  /** Topics with at least one message at or below this node. */
  topicCount = 0;
  /** Epoch ms of the latest message at or below this node. */
  changedAt = 0;
  history: MessageHistory | null = null;
  /** Whether the latest message on exactly this topic carried the retain flag. */
  retained = false;

  constructor(
    readonly name: string,
    readonly path: string,
    readonly depth: number,
    readonly parent: TopicNode | null,
  ) {}

  /** Children in display order, sorted once per change of the child set. */
  sortedChildren(): TopicNode[] {
    if (!this.sorted) this.sorted = [...this.children.values()].sort((a, b) => collator.compare(a.name, b.name));
    return this.sorted;
  }

  addChild(name: string): TopicNode {
    const path = this.parent === null ? name : `${this.path}/${name}`;
    const node = new TopicNode(name, path, this.depth + 1, this);
    this.children.set(name, node);
    this.sorted = null;
    return node;
  }
}

// Numeric-aware so that device-2 sorts before device-10, as people read them.
const collator = new Intl.Collator('en', { numeric: true });

export class TopicTree {
  /** The invisible root; its children are the first topic levels. */
  readonly root = new TopicNode('', '', -1, null);
  /** Bumped on every change, so the feed can tell whether anything moved. */
  revision = 0;
  private readonly byPath = new Map<string, TopicNode>();
  /**
   * Every node in the order it was made, parents before their children. Nodes are never
   * removed, so a view that counts rows catches up by reading on from where it stopped.
   */
  private readonly made: TopicNode[] = [];
  totalBytes = 0;

  constructor(
    private limits: HistoryLimits,
    private readonly budget: HistoryBudget | null = null,
  ) {}

  get topicCount(): number {
    return this.root.topicCount;
  }

  get messageCount(): number {
    return this.root.messageCount;
  }

  /** The node of a topic, or of an intermediate level that has no messages of its own. */
  find(path: string): TopicNode | undefined {
    const indexed = this.byPath.get(path);
    if (indexed) return indexed;
    let node: TopicNode | undefined = this.root;
    for (const level of path.split('/')) {
      node = node.children.get(level);
      if (!node) return undefined;
    }
    return node;
  }

  ingest(topic: string, payload: Uint8Array, qos: Qos, retain: boolean, receivedAt: number): StoredMessage {
    let node = this.byPath.get(topic);
    if (!node) {
      node = this.nodeOf(topic);
      this.byPath.set(topic, node);
    }
    const firstMessage = node.history === null;
    if (firstMessage) node.history = new MessageHistory(this.limits, this.budget);
    const message = node.history!.push(receivedAt, qos, retain, payload);
    node.retained = retain;
    for (let n: TopicNode | null = node; n !== null; n = n.parent) {
      n.messageCount++;
      if (firstMessage) n.topicCount++;
      n.changedAt = receivedAt;
    }
    this.totalBytes += payload.length;
    this.revision++;
    return message;
  }

  /** The node of a topic, made with the levels it lacks. */
  private nodeOf(topic: string): TopicNode {
    let node = this.root;
    for (const level of topic.split('/')) {
      let next = node.children.get(level);
      if (!next) {
        next = node.addChild(level);
        this.made.push(next);
      }
      node = next;
    }
    return node;
  }

  /** How many nodes there are; nodeAt(i) for i below it, in the order they were made. */
  get nodeCount(): number {
    return this.made.length;
  }

  nodeAt(index: number): TopicNode {
    return this.made[index];
  }

  /** Topics with messages that start with the prefix, in display order, for completing a topic field. */
  topicsStartingWith(prefix: string, limit: number): { topics: string[]; more: number } {
    const matches: string[] = [];
    for (const topic of this.byPath.keys()) if (topic.startsWith(prefix)) matches.push(topic);
    matches.sort(collator.compare);
    return { topics: matches.slice(0, limit), more: Math.max(0, matches.length - limit) };
  }

  setLimits(limits: HistoryLimits): void {
    this.limits = limits;
    for (const node of this.byPath.values()) node.history?.setLimits(limits);
    this.revision++;
  }
}
