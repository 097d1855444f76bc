/**
 * The Composer the bot and every feature are built on: grammY's, with the same methods and
 * the same order, but nothing built per update. grammY's own `filter` (behind `on`,
 * `command`, `callbackQuery`, `chatType`…) goes through `lazy`, which builds a new Composer,
 * and with it a chain of closures, for every filter on every update, whether it matches or
 * not; and each `use` nests one more async wrapper (`concat`) that every later update walks
 * through. With some forty filters between an update and its handler that was a third of the
 * bot's allocations. Here a Router keeps its middleware in a list walked by index, and both
 * sides of a branch are resolved once, when the feature is built: an update only runs the
 * predicates and the middleware it reaches.
 *
 * It is also the dispatcher keyed by update kind: what is registered with `on`, `command` or
 * `callbackQuery` is known to act only on some kinds of update (a button press never meets a
 * text handler), and so is a Router all of whose middleware is; an update walks only the
 * entries that can act on its kind (a list per kind, made at its first update). An entry whose
 * kinds are not known (`use`, `filter`, `chatType`) is walked by every update.
 */
import { BotError, Composer, type CallbackQueryContext, type CommandContext, type Context, type Filter, type FilterQuery, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;

/** One middleware function for a middleware, a Composer or a list. */
function flatten<C extends Context>(mw: Middleware<C> | Middleware<C>[]): MiddlewareFn<C> {
  if (Array.isArray(mw)) return mw.length === 1 ? flatten(mw[0]!) : new Router<C>(...mw).middleware();
  if (typeof mw === "function") return mw;
  // A Router's middleware reads its list at each call; another Composer's is asked for at each call (it may grow).
  if (mw instanceof Router) return mw.middleware();
  return (ctx, next) => mw.middleware()(ctx, next);
}

/** Kinds of update (the Update's field) an entry acts on; undefined: any. */
type Kinds = ReadonlySet<string> | undefined;

/** grammY's L1 shortcuts of a filter query ("" and "msg": new messages and posts, "edit": their edits). */
const L1: Readonly<Record<string, readonly string[]>> = {
  "": ["message", "channel_post"],
  msg: ["message", "channel_post"],
  edit: ["edited_message", "edited_channel_post"],
};

function kindsOfQuery(filter: string | readonly string[]): Kinds {
  const out = new Set<string>();
  for (const q of typeof filter === "string" ? [filter] : filter) {
    const l1 = q.split(":")[0]!;
    for (const kind of L1[l1] ?? [l1]) out.add(kind);
  }
  return out;
}

/** Commands are read from the bot_command entities of new messages and posts (grammY's has.command). */
const COMMAND_KINDS: Kinds = new Set(L1[""]);
const CALLBACK_KINDS: Kinds = new Set(["callback_query"]);

function union(a: Kinds, b: Kinds): Kinds {
  if (a === undefined || b === undefined) return undefined;
  return new Set([...a, ...b]);
}

/** The update's kind: its one field besides update_id. */
function kindOf(update: object): string {
  for (const key in update) if (key !== "update_id") return key;
  return "";
}

/** Bumped at every registration: the per-kind lists are made again (registration ends at start-up). */
let version = 0;

const pass = <C extends Context>(_ctx: C, next: NextFunction) => next();

/** Runs list[i] with a `next` that runs the rest; always a promise, as grammY's chain gives. */
function step<C extends Context>(list: readonly MiddlewareFn<C>[], i: number, ctx: C, next: NextFunction): Promise<void> {
  if (i >= list.length) return next();
  let called = false;
  try {
    const done = list[i]!(ctx, () => {
      if (called) throw new Error("`next` already called before!");
      called = true;
      return step(list, i + 1, ctx, next);
    });
    return done instanceof Promise ? (done as Promise<void>) : Promise.resolve();
  } catch (err) {
    return Promise.reject(err);
  }
}

export class Router<C extends Context> extends Composer<C> {
  private readonly list: MiddlewareFn<C>[] = [];
  /** Per entry: the kinds it acts on, or the middleware it was made of (their kinds, read when needed). */
  private readonly tags: Array<{ kinds: Kinds } | { from: Array<Middleware<C>> }> = [];
  /** Kinds for the entry the next `use` registers (set by on, command, callbackQuery). */
  private pending?: { kinds: Kinds };
  private byKind = new Map<string, MiddlewareFn<C>[]>();
  private made = -1;
  private readonly run: MiddlewareFn<C> = (ctx, next) => step(this.listFor(kindOf(ctx.update)), 0, ctx, next);

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    for (const mw of middleware) {
      this.list.push(flatten(mw));
      this.tags.push({ from: [mw] });
    }
  }

  /** The kinds of update some entry of this Router acts on; undefined: any. */
  kinds(): Kinds {
    let out: Kinds = new Set<string>();
    for (let i = 0; i < this.tags.length && out !== undefined; i++) out = union(out, this.kindsAt(i));
    return out;
  }

  private kindsAt(i: number): Kinds {
    const tag = this.tags[i]!;
    if ("kinds" in tag) return tag.kinds;
    let out: Kinds = new Set<string>();
    for (const mw of tag.from) out = union(out, mw instanceof Router ? (mw as Router<C>).kinds() : undefined);
    return out;
  }

  private listFor(kind: string): MiddlewareFn<C>[] {
    if (this.made !== version) {
      this.byKind = new Map();
      this.made = version;
    }
    let list = this.byKind.get(kind);
    if (!list) {
      list = this.list.filter((_, i) => {
        const kinds = this.kindsAt(i);
        return kinds === undefined || kinds.has(kind);
      });
      this.byKind.set(kind, list);
    }
    return list;
  }

  override on<Q extends FilterQuery>(filter: Q | Q[], ...middleware: Array<Middleware<Filter<C, Q>>>): Composer<Filter<C, Q>> {
    return this.tagged(kindsOfQuery(filter), () => super.on(filter, ...middleware));
  }

  override command(...args: Parameters<Composer<C>["command"]>): Composer<CommandContext<C>> {
    return this.tagged(COMMAND_KINDS, () => super.command(...args));
  }

  override callbackQuery(...args: Parameters<Composer<C>["callbackQuery"]>): Composer<CallbackQueryContext<C>> {
    return this.tagged(CALLBACK_KINDS, () => super.callbackQuery(...args));
  }

  private tagged<T>(kinds: Kinds, register: () => T): T {
    this.pending = { kinds };
    try {
      return register();
    } finally {
      this.pending = undefined;
    }
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    this.grown();
    version++;
    const composer = new Router<C>(...middleware);
    this.list.push(middleware.length === 1 && typeof middleware[0] === "function" ? (middleware[0] as MiddlewareFn<C>) : composer.run);
    this.tags.push(this.pending ?? { from: middleware });
    this.pending = undefined;
    // What is added to the returned composer later runs here too (as with grammY's use).
    if (middleware.length === 1 && typeof middleware[0] === "function") {
      const index = this.list.length - 1;
      composer.onGrow = () => (this.list[index] = composer.run);
    }
    return composer;
  }

  /** Set by `use` when this Router stands for a single function there: it must take its place once it grows. */
  private onGrow?: () => void;

  private grown(): void {
    this.onGrow?.();
    this.onGrow = undefined;
  }

  override branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    trueMiddleware: Middleware<C> | Middleware<C>[],
    falseMiddleware: Middleware<C> | Middleware<C>[],
  ): Composer<C> {
    const yes = flatten(trueMiddleware);
    const no = flatten(falseMiddleware);
    return this.use((ctx, next) => {
      const chosen = predicate(ctx);
      if (chosen instanceof Promise) return chosen.then((ok) => (ok ? yes : no)(ctx, next));
      return (chosen ? yes : no)(ctx, next);
    });
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    // The matching side is a Router too, so what is registered on it later (`.on` after `.chatType`) is cheap as well.
    const composer = new Router<C>(...middleware);
    this.branch(predicate, composer, pass);
    return composer;
  }

  override errorBoundary(errorHandler: (error: BotError<C>, next: NextFunction) => MaybePromise<unknown>, ...middleware: Array<Middleware<C>>): Composer<C> {
    // grammY's, over a Router.
    const composer = new Router<C>(...middleware);
    const bound = composer.run;
    this.use(async (ctx, next) => {
      let nextCalled = false;
      const cont = () => ((nextCalled = true), Promise.resolve());
      try {
        await bound(ctx, cont);
      } catch (err) {
        nextCalled = false;
        await errorHandler(new BotError(err, ctx), cont);
      }
      if (nextCalled) await next();
    });
    return composer;
  }
}
