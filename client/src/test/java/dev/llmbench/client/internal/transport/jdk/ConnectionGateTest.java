package dev.llmbench.client.internal.transport.jdk;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionGateTest {
    private final ConnectionGate gate = new ConnectionGate();
    private final List<String> sent = new ArrayList<>();

    private void submit(String name) { gate.submit(pioneer -> sent.add(name + (pioneer ? " (pioneer)" : ""))); }

    @Test
    void oneRequestOpensTheConnectionAndTheOthersFollowOnceItHasOne() {
        submit("a");
        submit("b");
        submit("c");
        assertThat(sent).containsExactly("a (pioneer)");
        assertThat(gate.waiting()).isEqualTo(2);

        gate.connected();
        submit("d");
        gate.connected(); // any later request saying so changes nothing

        assertThat(sent).containsExactly("a (pioneer)", "b", "c", "d");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aPioneerThatEndsWithoutAConnectionHandsTheRoleToTheNextWaitingRequest() {
        submit("a");
        submit("b");
        submit("c");

        gate.pioneerEnded();
        assertThat(sent).containsExactly("a (pioneer)", "b (pioneer)");

        gate.connected();
        assertThat(sent).containsExactly("a (pioneer)", "b (pioneer)", "c");
    }

    @Test
    void afterATransportFailureTheNextRequestOpensAConnectionAloneAgain() {
        submit("a");
        gate.connected();
        gate.lost();
        submit("b");
        submit("c");
        assertThat(sent).containsExactly("a (pioneer)", "b (pioneer)");

        gate.pioneerEnded(); // b failed too: c tries next
        assertThat(sent).containsExactly("a (pioneer)", "b (pioneer)", "c (pioneer)");
        gate.pioneerEnded();
        submit("d");
        assertThat(sent).last().isEqualTo("d (pioneer)");
    }
}
