// The survey in progress and the finished surveys not yet acknowledged by
// the server, as records in the device store. Nothing else about a child
// is kept: a response is deleted as soon as the server has it.
import { OutboxItemSchema, SessionSchema, type OutboxItem, type Pending, type Session } from './schemas.js';
import type { KeyValueStore } from './storage.js';

const CURRENT = 'current';
const OUTBOX = 'outbox:';

export class SurveyStore {
  constructor(private readonly kv: KeyValueStore) {}

  /** The survey in progress, if one was left on this device and still reads as one. */
  async current(): Promise<Session | undefined> {
    const parsed = SessionSchema.safeParse(await this.kv.get(CURRENT));
    return parsed.success ? parsed.data : undefined;
  }

  saveCurrent(session: Session): Promise<void> {
    return this.kv.set(CURRENT, session);
  }

  clearCurrent(): Promise<void> {
    return this.kv.delete(CURRENT);
  }

  /** Moves a finished survey into the outbox; it is queued before the survey in progress is dropped. */
  async finish(body: Pending): Promise<void> {
    await this.kv.set(OUTBOX + body.id, { body } satisfies OutboxItem);
    await this.kv.delete(CURRENT);
  }

  async pending(): Promise<OutboxItem[]> {
    const items: OutboxItem[] = [];
    for (const key of await this.kv.keys(OUTBOX)) {
      const parsed = OutboxItemSchema.safeParse(await this.kv.get(key));
      if (parsed.success) items.push(parsed.data);
    }
    return items;
  }

  markRejected(item: OutboxItem, status: number, message: string): Promise<void> {
    return this.kv.set(OUTBOX + item.body.id, { ...item, rejected: { status, message } } satisfies OutboxItem);
  }

  clearRejection(item: OutboxItem): Promise<void> {
    return this.kv.set(OUTBOX + item.body.id, { body: item.body } satisfies OutboxItem);
  }

  acknowledged(id: string): Promise<void> {
    return this.kv.delete(OUTBOX + id);
  }
}
