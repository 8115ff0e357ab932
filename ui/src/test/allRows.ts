// jsdom has no layout, so a virtual list would render no rows: tests that mock
// "@tanstack/react-virtual" with this module render them all.
export const useVirtualizer = ({ count, estimateSize }: { count: number; estimateSize: () => number }) => ({
  getTotalSize: () => count * estimateSize(),
  getVirtualItems: () =>
    Array.from({ length: count }, (_, index) => ({
      index,
      key: index,
      start: index * estimateSize(),
      size: estimateSize(),
    })),
  scrollToOffset: () => undefined,
});
