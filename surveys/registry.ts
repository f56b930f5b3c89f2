// The one registry of instruments every consumer asks (validation, the
// writer's running counts, reports, the child app, the portal), fed from
// two sources: the built-in definitions, checked when this module loads,
// and the councils' questionnaires the server stores (server/repos/
// questionnaires.ts adds them at start, on upload, and when asked for one
// it does not hold yet). Pure: the loader that reads the database is
// handed in by the server.
import type { Instrument } from './schema.js';

/** Where a council's definition came from: its stored hash and owner (an authority id, or null for everyone). */
export interface StoredMeta {
  hash: string;
  owner: number | null;
}

export class InstrumentRegistry {
  readonly #byKey = new Map<string, Instrument>();
  readonly #builtIn = new Set<string>();
  readonly #stored = new Map<string, StoredMeta>();
  /** Reads definitions stored since the registry last looked; set by the server. */
  #loader: ((registry: InstrumentRegistry) => void) | null = null;

  constructor(builtIns: readonly Instrument[]) {
    for (const inst of builtIns) {
      this.#byKey.set(key(inst.id, inst.version), inst);
      this.#builtIn.add(inst.id);
    }
  }

  /** Adds (or, for a version that has no answers yet, replaces) a council's stored definition. */
  add(inst: Instrument, meta: StoredMeta): void {
    if (this.#builtIn.has(inst.id)) throw new Error(`${inst.id} is a built-in instrument`);
    this.#byKey.set(key(inst.id, inst.version), inst);
    this.#stored.set(key(inst.id, inst.version), meta);
  }

  /** The hash and owner of a council's definition this registry holds; undefined for built-ins. */
  stored(id: string, version: number): StoredMeta | undefined {
    return this.#stored.get(key(id, version));
  }

  isBuiltIn(id: string): boolean {
    return this.#builtIn.has(id);
  }

  /**
   * How to fetch stored definitions this registry does not hold yet. A new
   * loader means another database: the councils' definitions of the last
   * one are dropped (the built-ins stay).
   */
  setLoader(loader: ((registry: InstrumentRegistry) => void) | null): void {
    this.#loader = loader;
    for (const k of this.#stored.keys()) this.#byKey.delete(k);
    this.#stored.clear();
  }

  /** Asks the loader for definitions added elsewhere (another process, the command line). */
  refresh(): void {
    this.#loader?.(this);
  }

  /** Looks again in the store once when `find` misses: a questionnaire may have been added by another process. */
  #withRefresh<T>(find: () => T | undefined): T | undefined {
    const found = find();
    if (found !== undefined || !this.#loader) return found;
    this.refresh();
    return find();
  }

  get(id: string, version: number): Instrument | undefined {
    return this.#withRefresh(() => this.#byKey.get(key(id, version)));
  }

  /** The newest version of an instrument, which new rounds use. */
  current(id: string): Instrument | undefined {
    return this.#withRefresh(() => {
      let best: Instrument | undefined;
      for (const i of this.#byKey.values()) if (i.id === id && (!best || i.version > best.version)) best = i;
      return best;
    });
  }

  /** Every version of every instrument. */
  all(): Instrument[] {
    return [...this.#byKey.values()];
  }

  /** The current version of each instrument of a programme, youngest first; [] for an unknown programme. */
  programmeInstruments(programme: string): Instrument[] {
    return (
      this.#withRefresh(() => {
        const ids = new Set<string>();
        for (const i of this.#byKey.values()) if (i.programme === programme && !i.extends) ids.add(i.id);
        return ids.size ? [...ids] : undefined;
      }) ?? []
    )
      .map((id) => this.current(id)!)
      .sort((a, b) => a.minAge - b.minAge);
  }

  /**
   * What a round of an authority asks, band by band: the programme's
   * instruments, each replaced by the authority's local questions on it
   * when it has some for that core version (its own first, else ones a
   * programme admin added for everyone; the newest version of them).
   */
  roundInstruments(programme: string, authorityId: number): Instrument[] {
    return this.programmeInstruments(programme).map((core) => this.localQuestions(core, authorityId) ?? core);
  }

  /** The local questions an authority asks after `core`, if any (see roundInstruments). */
  localQuestions(core: Instrument, authorityId: number): Instrument | undefined {
    let best: Instrument | undefined;
    let bestRank = 0;
    for (const [k, inst] of this.#byKey) {
      if (inst.extends?.instrument !== core.id || inst.extends.version !== core.version) continue;
      const owner = this.#stored.get(k)?.owner;
      const rank = owner === authorityId ? 2 : owner === null ? 1 : 0;
      if (rank > bestRank || (rank && rank === bestRank && best && best.id === inst.id && inst.version > best.version)) {
        best = inst;
        bestRank = rank;
      }
    }
    return best;
  }

  /** Whether an authority's rounds may take answers to this instrument: not to another authority's local questions. */
  usableBy(inst: Instrument, authorityId: number): boolean {
    const owner = this.#stored.get(key(inst.id, inst.version))?.owner;
    return !inst.extends || owner === null || owner === authorityId;
  }

  /** Whether a programme id is known: a built-in programme or a council questionnaire. */
  knowsProgramme(programme: string): boolean {
    return this.programmeInstruments(programme).length > 0;
  }
}

function key(id: string, version: number): string {
  return `${id}\u0000${version}`;
}
