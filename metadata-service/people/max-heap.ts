/** A binary max-heap by `priority`; enough for best-first merging without sorting every candidate pair. */
export class MaxHeap<T extends { priority: number }> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as T).priority >= item.priority) break;
      items[i] = items[parent] as T;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      let largestPriority = last.priority;
      if (left < items.length && (items[left] as T).priority > largestPriority) {
        largest = left;
        largestPriority = (items[left] as T).priority;
      }
      if (right < items.length && (items[right] as T).priority > largestPriority) largest = right;
      if (largest === i) break;
      items[i] = items[largest] as T;
      i = largest;
    }
    items[i] = last;
    return top;
  }
}
