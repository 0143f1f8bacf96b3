import { fitViewport, type Size } from './initial-view.js';
import type { GraphViewport } from './messages.js';

const MIN_SCALE = 0.02;
const MAX_SCALE = 4;
/** Pointer travel (px) that turns a press into a drag rather than a click. */
const DRAG_THRESHOLD = 4;
/** Scale a node is at least shown at when centred on (search, keyboard focus): readable text. */
const READABLE_SCALE = 0.9;

/**
 * Pan and zoom of the graph layer inside the canvas: drag to pan, wheel (or pinch) to zoom around the
 * pointer. The transform is an SVG attribute on the layer (no inline styles under the page's CSP).
 */
export class PanZoom {
    private view: GraphViewport = { x: 0, y: 0, scale: 1 };
    private press: { x: number; y: number; viewX: number; viewY: number; id: number } | undefined;
    private dragging = false;
    /** A drag just ended: the click the browser sends after it is not a click on a node. */
    private swallowClick = false;

    constructor(private readonly canvas: SVGSVGElement, private readonly layer: SVGGElement, private readonly changed: (view: GraphViewport) => void) {
        canvas.addEventListener('pointerdown', e => this.pointerDown(e));
        canvas.addEventListener('pointermove', e => this.pointerMove(e));
        canvas.addEventListener('pointerup', e => this.pointerUp(e));
        canvas.addEventListener('pointercancel', e => this.pointerUp(e));
        canvas.addEventListener('wheel', e => this.wheel(e), { passive: false });
        canvas.addEventListener('click', e => {
            if (!this.swallowClick) return;
            this.swallowClick = false;
            e.stopPropagation();
            e.preventDefault();
        }, true);
    }

    get viewport(): GraphViewport {
        return this.view;
    }

    set viewport(view: GraphViewport) {
        const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale));
        this.view = { x: view.x, y: view.y, scale };
        this.layer.setAttribute('transform', `translate(${this.view.x},${this.view.y}) scale(${scale})`);
        this.changed(this.view);
    }

    /** The canvas's size in pixels. */
    get size(): Size {
        return { width: this.canvas.clientWidth, height: this.canvas.clientHeight };
    }

    /** The whole graph in view, at most at natural size. */
    fit(graphWidth: number, graphHeight: number): void {
        this.viewport = fitViewport({ width: graphWidth, height: graphHeight }, this.size);
    }

    /** Zooms by `factor` keeping the canvas point (cx, cy) still; the canvas centre by default. */
    zoomBy(factor: number, cx = this.size.width / 2, cy = this.size.height / 2): void {
        const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.view.scale * factor));
        const k = scale / this.view.scale;
        this.viewport = { x: cx - (cx - this.view.x) * k, y: cy - (cy - this.view.y) * k, scale };
    }

    panBy(dx: number, dy: number): void {
        this.viewport = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
    }

    /** Puts a graph point in the middle of the canvas, zooming in to a readable size if needed. */
    centreOn(x: number, y: number): void {
        const scale = Math.max(this.view.scale, READABLE_SCALE);
        const { width, height } = this.size;
        this.viewport = { x: width / 2 - x * scale, y: height / 2 - y * scale, scale };
    }

    /** Whether a graph rectangle is entirely in view. */
    isInView(x: number, y: number, w: number, h: number): boolean {
        const { width, height } = this.size;
        const left = x * this.view.scale + this.view.x, top = y * this.view.scale + this.view.y;
        return left >= 0 && top >= 0 && left + w * this.view.scale <= width && top + h * this.view.scale <= height;
    }

    /** Canvas coordinates of a graph point. */
    toCanvas(x: number, y: number): { x: number; y: number } {
        return { x: x * this.view.scale + this.view.x, y: y * this.view.scale + this.view.y };
    }

    private canvasPoint(e: MouseEvent): { x: number; y: number } {
        const rect = this.canvas.getBoundingClientRect();
        return { x: e.clientX - rect.left, y: e.clientY - rect.top };
    }

    private pointerDown(e: PointerEvent): void {
        if (e.button !== 0 || (e.target as Element).closest('.node-badge')) return;
        this.press = { x: e.clientX, y: e.clientY, viewX: this.view.x, viewY: this.view.y, id: e.pointerId };
        this.dragging = false;
    }

    private pointerMove(e: PointerEvent): void {
        if (!this.press || e.pointerId !== this.press.id) return;
        const dx = e.clientX - this.press.x, dy = e.clientY - this.press.y;
        if (!this.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!this.dragging) {
            this.dragging = true;
            this.canvas.setPointerCapture(e.pointerId);
            this.canvas.classList.add('panning');
        }
        this.viewport = { ...this.view, x: this.press.viewX + dx, y: this.press.viewY + dy };
    }

    private pointerUp(e: PointerEvent): void {
        if (!this.press || e.pointerId !== this.press.id) return;
        if (this.dragging) {
            this.swallowClick = true;
            this.canvas.releasePointerCapture(e.pointerId);
            this.canvas.classList.remove('panning');
            // a click may not follow (pointer released outside): forget the drag soon anyway
            setTimeout(() => { this.swallowClick = false; }, 0);
        }
        this.press = undefined;
        this.dragging = false;
    }

    private wheel(e: WheelEvent): void {
        e.preventDefault();
        // lines and pages to pixels; a pinch on a trackpad comes as a wheel with ctrlKey, in small steps
        const pixels = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.size.height : 1);
        const factor = Math.exp(-pixels * (e.ctrlKey ? 0.01 : 0.0015));
        const p = this.canvasPoint(e);
        this.zoomBy(factor, p.x, p.y);
    }
}
