import { CaptureTag, type Context } from 'liquidjs';
import { BoundedEmitter } from './bounded-emitter';
import { TEMPLATE_LIMITS } from './template-limits';

/**
 * `{% capture %}` whose text counts: liquidjs' own collects into an unbounded buffer and charges
 * nothing to `memoryLimit`, so `{% capture s %}{{s}}{{s}}{% endcapture %}` in a loop doubles freely.
 * Here each capture holds at most `outputLimit` characters and every capture is charged to the
 * render's `memoryLimit`.
 */
export class BoundedCaptureTag extends CaptureTag {
  override *render(ctx: Context): Generator<unknown, void, string> {
    const emitter = new BoundedEmitter(TEMPLATE_LIMITS.outputLimit);
    yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
    ctx.memoryLimit.use(emitter.buffer.length);
    (ctx.bottom() as Record<string, unknown>)[this.variable] = emitter.buffer;
  }
}
