import { useRef, useState, type PointerEvent } from "react";
import type { CoverArea } from "~/modules/attachments";

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const MIN_SIZE = 0.004;

/** A rectangle's place over the image, in percent (set through the DOM by React, which the CSP allows). */
const placed = (a: CoverArea) => ({ left: `${a.x * 100}%`, top: `${a.y * 100}%`, width: `${a.width * 100}%`, height: `${a.height * 100}%` });

function areaBetween(from: { x: number; y: number }, to: { x: number; y: number }): CoverArea {
  const x = Math.min(from.x, to.x);
  const y = Math.min(from.y, to.y);
  return { x, y, width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y) };
}

/**
 * Drawing rectangles over the image with a mouse, a finger or a pen (pointer events), shown in black as they will be
 * covered. Loaded by the browser only; the grid of cells underneath stays the keyboard's way (its checkboxes keep
 * the focus order), and `ticking` lets the pointer through to the cells.
 */
export default function CoverDrawing({ areas, onDraw, ticking }: { areas: readonly CoverArea[]; onDraw: (area: CoverArea) => void; ticking: boolean }) {
  const layer = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<CoverArea | null>(null);
  const point = (event: PointerEvent) => {
    const box = layer.current!.getBoundingClientRect();
    return { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) };
  };
  return (
    <div
      ref={layer}
      aria-hidden="true"
      className={`absolute inset-0 touch-none select-none ${ticking ? "pointer-events-none" : "cursor-crosshair"}`}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = point(event);
        setStart(at);
        setDraft(areaBetween(at, at));
      }}
      onPointerMove={(event) => start && setDraft(areaBetween(start, point(event)))}
      onPointerUp={(event) => {
        if (!start) return;
        const area = areaBetween(start, point(event));
        setStart(null);
        setDraft(null);
        if (area.width >= MIN_SIZE && area.height >= MIN_SIZE) onDraw(area);
      }}
      onPointerCancel={() => {
        setStart(null);
        setDraft(null);
      }}
    >
      {areas.map((a, i) => (
        <div key={i} className="absolute bg-black" style={placed(a)} />
      ))}
      {draft ? <div className="absolute border-2 border-[#0a76f6] bg-black/60" style={placed(draft)} /> : null}
    </div>
  );
}
