import type { Box } from "@chalan/core";

/**
 * The bounding boxes of the 8-connected blobs of ink in a mask (1 = ink): letters, or whole words
 * where a Bengali headline joins their letters. Two passes with union–find over run labels.
 */
export function inkBlobs(ink: Uint8Array, width: number, height: number): Box[] {
  const labels = new Int32Array(ink.length);
  const parent: number[] = [0];
  const find = (a: number): number => {
    let r = a;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[a] !== r) {
      const next = parent[a] ?? r;
      parent[a] = r;
      a = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!ink[i]) continue;
      let label = 0;
      const neighbours = [
        x > 0 ? labels[i - 1] : 0,
        y > 0 && x > 0 ? labels[i - width - 1] : 0,
        y > 0 ? labels[i - width] : 0,
        y > 0 && x < width - 1 ? labels[i - width + 1] : 0,
      ];
      for (const n of neighbours) {
        if (!n) continue;
        if (label === 0) label = n;
        else union(label, n);
      }
      if (label === 0) {
        label = parent.length;
        parent.push(label);
      }
      labels[i] = label;
    }
  }
  const boxes = new Map<number, Box>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const l = labels[y * width + x];
      if (!l) continue;
      const root = find(l);
      const b = boxes.get(root);
      if (!b) boxes.set(root, { x0: x, y0: y, x1: x + 1, y1: y + 1 });
      else {
        b.x0 = Math.min(b.x0, x);
        b.x1 = Math.max(b.x1, x + 1);
        b.y1 = y + 1;
      }
    }
  }
  return [...boxes.values()];
}
