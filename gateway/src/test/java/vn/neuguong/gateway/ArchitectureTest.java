package vn.neuguong.gateway;

import org.junit.jupiter.api.Test;

import vn.neuguong.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void keepsTheServiceBoundaries() {
        ServiceArchitecture.of("vn.neuguong.gateway").checkAll();
    }
}
