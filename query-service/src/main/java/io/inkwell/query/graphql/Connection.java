package io.inkwell.query.graphql;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A Relay connection: one page of a list, each node with the opaque cursor that continues after it. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    /** The nodes found from {@code offset} on, out of {@code total} in the whole list. */
    public static <T> Connection<T> of(List<T> nodes, long offset, long total) {
        List<Edge<T>> edges = new java.util.ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(new Edge<>(OffsetCursor.after(offset + i), nodes.get(i)));
        }
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new Connection<>(List.copyOf(edges), new PageInfo(offset + nodes.size() < total, end), total);
    }

    public static <E, T> Connection<T> of(Page<E> page, Function<E, T> mapper) {
        return of(page.getContent().stream().map(mapper).toList(), page.getPageable().getOffset(), page.getTotalElements());
    }

    public static <T> Connection<T> empty() {
        return new Connection<>(List.of(), new PageInfo(false, null), 0);
    }
}
