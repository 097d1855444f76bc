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
 */
import { BotError, Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;

/** One middleware function for a middleware, a Composer or a list. */
function flatten<C extends Context>(mw: Middleware<C> | Middleware<C>[]): MiddlewareFn<C> {
  if (Array.isArray(mw)) return mw.length === 1 ? flatten(mw[0]!) : new Router<C>(...mw).middleware();
  if (typeof mw === "function") return mw;
  // A Router's middleware reads its list at each call; another Composer's is asked for at each call (it may grow).
  if (mw instanceof Router) return mw.middleware();
  return (ctx, next) => mw.middleware()(ctx, next);
}

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
  private readonly run: MiddlewareFn<C> = (ctx, next) => step(this.list, 0, ctx, next);

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    for (const mw of middleware) this.list.push(flatten(mw));
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    this.grown();
    const composer = new Router<C>(...middleware);
    this.list.push(middleware.length === 1 && typeof middleware[0] === "function" ? (middleware[0] as MiddlewareFn<C>) : composer.run);
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
