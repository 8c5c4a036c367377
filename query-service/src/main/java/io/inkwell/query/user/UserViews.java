package io.inkwell.query.user;

import io.inkwell.query.security.Profiles;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserViews extends JpaRepository<UserView, String>, Profiles {

    @Override
    @Query("select u.id from UserView u where u.issuer = :issuer and u.subject = :subject and u.active = true")
    Optional<String> findIdByIdentity(@Param("issuer") String issuer, @Param("subject") String subject);

    Page<UserView> findByActiveTrue(Pageable page);

    @Query("""
            select u from UserView u where u.active = true and (
                lower(u.name) like lower(concat('%', :text, '%'))
                or (:withEmail = true and lower(u.email) like lower(concat('%', :text, '%'))))""")
    Page<UserView> search(@Param("text") String text, @Param("withEmail") boolean withEmail, Pageable page);
}
