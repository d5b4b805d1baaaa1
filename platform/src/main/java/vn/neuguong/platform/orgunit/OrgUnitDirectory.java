package vn.neuguong.platform.orgunit;

import java.util.Optional;

import vn.neuguong.contracts.orgunit.OrgUnit;

/** Looks up org units. Answers only once it has caught up; before that, lookups are a 503. */
public interface OrgUnitDirectory {

    /**
     * @throws vn.neuguong.platform.web.ServiceUnavailableException while the directory has not caught up, so
     *         an unknown id is never confused with one that has not arrived yet
     */
    Optional<OrgUnit> find(String id);

    boolean ready();
}
