/**
 * The Composer every feature is built on: grammY's, with filters that cost nothing per update
 * beyond their test. grammY's own `filter` (behind `on`, `command`, `callbackQuery`,
 * `chatType`…) goes through `lazy`, which builds a new Composer, and with it a chain of
 * closures, for every filter on every update, whether it matches or not; with some forty
 * filters between an update and its handler, that was a fifth of the bot's allocations. Here
 * both sides of a branch are resolved once, when the feature is built, and an update only
 * runs the predicate and the side it chose. What a feature registers, and in which order
 * updates meet it, is unchanged.
 */
import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type MaybePromise<T> = T | Promise<T>;

/** One middleware function for a middleware, a Composer (read at each call: it may grow later) or a list. */
function flatten<C extends Context>(mw: Middleware<C> | Middleware<C>[]): MiddlewareFn<C> {
  if (Array.isArray(mw)) return mw.length === 1 ? flatten(mw[0]!) : new Composer<C>(...mw).middleware();
  if (typeof mw === "function") return mw;
  return (ctx, next) => mw.middleware()(ctx, next);
}

const pass = <C extends Context>(_ctx: C, next: () => Promise<void>) => next();

export class Router<C extends Context> extends Composer<C> {
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
}
