package io.inkwell.query.graphql;

import io.inkwell.query.web.InvalidParameterException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * {@code first} and {@code after} of a connection field, checked like REST's {@code limit} (10 unless given, at
 * most 100) and turned into the offset and size of the page to read.
 */
public record PageArgs(int first, long offset) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** As deep as REST lets a list be paged (page 100,000 of 100); further is refused, not scanned. */
    private static final long MAX_OFFSET = 10_000_000;

    public static PageArgs of(Integer first, String after) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("first", "must be between 1 and " + MAX_SIZE);
        }
        long offset = OffsetCursor.start(after);
        if (offset > MAX_OFFSET) {
            throw new InvalidParameterException("after", "is beyond the end that lists may be read to");
        }
        return new PageArgs(size, offset);
    }

    public Pageable pageable(Sort sort) {
        return new OffsetPageable(offset, first, sort);
    }
}
