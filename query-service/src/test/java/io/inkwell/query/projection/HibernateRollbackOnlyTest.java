package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Dead letters rely on taking back Hibernate's rollback-only mark after a savepoint rollback. A Hibernate
 * upgrade that moves the private flag must fail here, not turn every poison event into a stalled segment.
 */
class HibernateRollbackOnlyTest {

    @Test
    void findsTheRollbackOnlyFlagOfThisHibernate() {
        assertThat(HibernateRollbackOnly.available()).isTrue();
    }
}
