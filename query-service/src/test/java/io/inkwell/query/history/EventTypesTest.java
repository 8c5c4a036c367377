package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.inkwell.api.post.PostEditedEvent;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void namesEveryEventOfTheContract() {
        Set<String> contractEvents = new ClassFileImporter().importPackages("io.inkwell.api").stream()
                .filter(JavaClass::isRecord).map(JavaClass::getSimpleName).filter(name -> name.endsWith("Event"))
                .collect(Collectors.toSet());
        assertThat(EventTypes.BY_NAME.keySet()).isEqualTo(contractEvents);
    }

    @Test
    void givesCloudEventsTypesInKebabCaseWithTheRevision() {
        assertThat(EventTypes.cloudEventType("PostEditedEvent", "1")).isEqualTo("io.inkwell.post-edited.v1");
        assertThat(EventTypes.cloudEventType("UserEmailChangedEvent", "2")).isEqualTo("io.inkwell.user-email-changed.v2");
        assertThat(EventTypes.revision(PostEditedEvent.class)).isEqualTo("1");
    }

    @Test
    void leavesTheRevisionOutWhereAnEventHasNone() {
        assertThat(EventTypes.revision(String.class)).isNull();
        assertThat(EventTypes.cloudEventType("PostEditedEvent", null)).isEqualTo("io.inkwell.post-edited");
        assertThat(EventTypes.cloudEventType("Heartbeat", null)).isEqualTo("io.inkwell.heartbeat");
    }
}
