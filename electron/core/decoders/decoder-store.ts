// The decoder rules and the user's .proto files, in <dataDir>/decoders: rules.json (the
// rules in order; the first whose filter matches a topic wins) and proto/<name>.proto.
// A .proto that does not parse is refused with protobufjs's message; a rules file that
// cannot be read is set aside and reported, never overwritten.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DecoderRuleSchema, protoFileNamePattern, type DecoderRule, type DecoderSettings, type ProtoFileInfo } from '../../../shared/decoder-contract';
import { parseProtoSchema } from '../../../shared/decoders/proto-schema';
import { UserInputError } from '../../../shared/rpc';
import { topicFilterProblem } from '../../../shared/topic';
import { osReason, writeFileAtomic } from '../profiles/atomic-file';

const RulesFileSchema = z.object({ rules: z.array(DecoderRuleSchema) });

export class DecoderStore {
  private rules: DecoderRule[] = [];
  private problem: string | null = null;
  private readonly rulesFile: string;
  private readonly protoDir: string;

  private constructor(dir: string) {
    this.rulesFile = path.join(dir, 'rules.json');
    this.protoDir = path.join(dir, 'proto');
  }

  static open(dataDir: string): DecoderStore {
    const store = new DecoderStore(path.join(dataDir, 'decoders'));
    store.load();
    return store;
  }

  private load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.rulesFile, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `Could not read ${this.rulesFile}: ${osReason(err)}`;
      return;
    }
    const parsed = RulesFileSchema.safeParse(safeJson(text));
    if (parsed.success) {
      this.rules = parsed.data.rules;
      return;
    }
    const aside = `${this.rulesFile}.unreadable-${Date.now()}`;
    fs.renameSync(this.rulesFile, aside);
    this.problem = `${this.rulesFile} was not valid; it was moved to ${aside} and no decoder rules are set.`;
  }

  settings(): DecoderSettings {
    return { rules: this.rules.map((r) => ({ ...r })), protoFiles: this.listProtoFiles(), problem: this.problem };
  }

  saveRule(rule: DecoderRule): DecoderSettings {
    const problem = topicFilterProblem(rule.filter);
    if (problem) throw new UserInputError(problem, 'rule.filter');
    if (rule.decoder === 'protobuf') {
      if (!rule.protoFile) throw new UserInputError('Pick a .proto file for Protobuf.', 'rule.protoFile');
      const info = this.listProtoFiles().find((f) => f.name === rule.protoFile);
      if (!info) throw new UserInputError(`There is no ${rule.protoFile}; add it first.`, 'rule.protoFile');
      if (!rule.messageType || !info.messageTypes.includes(rule.messageType)) throw new UserInputError(`Pick a message type of ${rule.protoFile}.`, 'rule.messageType');
    }
    const clean: DecoderRule = rule.decoder === 'protobuf' ? rule : { filter: rule.filter, decoder: rule.decoder };
    const at = this.rules.findIndex((r) => r.filter === rule.filter);
    const next = [...this.rules];
    if (at >= 0) next[at] = clean;
    else next.unshift(clean);
    this.writeRules(next);
    return this.settings();
  }

  deleteRule(filter: string): DecoderSettings {
    this.writeRules(this.rules.filter((r) => r.filter !== filter));
    return this.settings();
  }

  addProtoFile(name: string, text: string, field: 'text' | 'path'): DecoderSettings {
    if (!protoFileNamePattern.test(name)) throw new UserInputError(`${name} is not a usable file name: use letters, digits, . _ - and end it in .proto.`, field);
    const schema = parseProtoSchema(text);
    if (!schema.ok) throw new UserInputError(`${name} does not parse: ${schema.reason}`, field);
    writeFileAtomic(path.join(this.protoDir, name), text, { what: name, mode: 0o600 });
    return this.settings();
  }

  /** A path on this machine (the desktop app and a local web mode can both read it). */
  addProtoFileFromPath(file: string): DecoderSettings {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new UserInputError(`Could not read ${file}: ${osReason(err)}`, 'path');
    }
    return this.addProtoFile(path.basename(file), text, 'path');
  }

  removeProtoFile(name: string): DecoderSettings {
    fs.rmSync(path.join(this.protoDir, name), { force: true });
    return this.settings();
  }

  protoText(name: string): string {
    try {
      return fs.readFileSync(path.join(this.protoDir, name), 'utf8');
    } catch (err) {
      throw new UserInputError(`Could not read ${name}: ${osReason(err)}`, 'name');
    }
  }

  private listProtoFiles(): ProtoFileInfo[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.protoDir).filter((n) => protoFileNamePattern.test(n)).sort();
    } catch {
      return [];
    }
    return names.map((name) => {
      const text = fs.readFileSync(path.join(this.protoDir, name), 'utf8');
      const schema = parseProtoSchema(text);
      return { name, size: Buffer.byteLength(text), messageTypes: schema.ok ? schema.messageTypes : [] };
    });
  }

  private writeRules(rules: DecoderRule[]): void {
    writeFileAtomic(this.rulesFile, `${JSON.stringify({ rules }, null, 2)}\n`, { what: 'the decoder rules', mode: 0o600 });
    this.rules = rules;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const stores = new Map<string, DecoderStore>();

/** One store per data folder, shared by every view (window or tab) of the app. */
export function decoderStoreFor(dataDir: string): DecoderStore {
  let store = stores.get(dataDir);
  if (!store) {
    store = DecoderStore.open(dataDir);
    stores.set(dataDir, store);
  }
  return store;
}
