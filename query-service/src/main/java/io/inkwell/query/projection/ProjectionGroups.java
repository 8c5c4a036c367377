package io.inkwell.query.projection;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The processing groups of query-service's projections, found from their {@link ProcessingGroup}
 * annotations without creating the beans, so that a new projection gets its dead letters and its health
 * without being listed anywhere.
 */
@Component
public class ProjectionGroups {

    private final List<String> names;

    @Autowired
    ProjectionGroups(ListableBeanFactory beans) {
        this(Stream.of(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .distinct().sorted().toList());
    }

    ProjectionGroups(List<String> names) {
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return names.contains(name);
    }
}
