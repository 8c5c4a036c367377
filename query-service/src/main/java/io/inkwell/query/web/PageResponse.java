package io.inkwell.query.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of a list: {@code {data: [...], meta: {page, limit, total, totalPages}}}, pages counted from 1. */
public record PageResponse<T>(List<T> data, Meta meta) {

    public record Meta(int page, int limit, long total, int totalPages) {
    }

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), new Meta(page.getNumber() + 1,
                page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }

    public static <T> PageResponse<T> of(List<T> data, int page, int limit, long total) {
        return new PageResponse<>(data, new Meta(page, limit, total, (int) ((total + limit - 1) / limit)));
    }
}
