package vn.neuguong.recognition;

import org.junit.jupiter.api.Test;

import vn.neuguong.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void keepsTheServiceBoundaries() {
        ServiceArchitecture.of("vn.neuguong.recognition").checkAll();
    }
}
