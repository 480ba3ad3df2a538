package io.tactus.signal.technique;

/**
 * The one union-find lookup of the technique stage's per-frame labelling: {@link CellComponents}' components and
 * {@link Watershed}'s basins both keep a forest in an int array, each root its own parent.
 */
final class UnionFind {

    private UnionFind() {
    }

    /**
     * The root of {@code i} in {@code parent}; the path walked is pointed straight at the root, so later lookups
     * take one step. A root, or a node one step from it, returns without writing.
     */
    static int root(int[] parent, int i) {
        int r = parent[i];
        if (parent[r] == r) {
            return r;
        }
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[i] != r) {
            int next = parent[i];
            parent[i] = r;
            i = next;
        }
        return r;
    }
}
