package io.elbreconcile.plan.operation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationKindTest {

    @Test
    void everyOperationHasExactlyOneRowAndEveryRowIsARecord() {
        Set<Class<?>> permitted = Set.of(Operation.class.getPermittedSubclasses());
        List<Class<? extends Operation>> rows = Arrays.stream(OperationKind.values()).map(OperationKind::type).toList();
        assertEquals(permitted, Set.copyOf(rows), "the table and the sealed list name the same records");
        assertEquals(rows.size(), Set.copyOf(rows).size(), "no record has two rows");
        rows.forEach(type -> assertTrue(type.isRecord(), type + " must be a record, so that its JSON is its components"));
    }

    @Test
    void eachAwsNameFindsItsRowAndNoOther() {
        Map<String, Long> names = Arrays.stream(OperationKind.values())
                .collect(Collectors.groupingBy(OperationKind::awsName, Collectors.counting()));
        names.forEach((name, count) -> assertEquals(1L, count, name + " names one row"));
        for (OperationKind kind : OperationKind.values()) {
            assertEquals(Optional.of(kind), OperationKind.byAwsName(kind.awsName()));
        }
        assertEquals(Optional.empty(), OperationKind.byAwsName("DeleteListener"), "the record's name is not the AWS name");
        assertEquals(Optional.empty(), OperationKind.byAwsName("addtags"), "AWS names are matched exactly");
    }

    @Test
    void anOperationNamesTheAwsCallOfItsRow() {
        // The wire spellings a saved plan and step ids carry: renaming one breaks every saved plan.
        assertEquals("DeleteLoadBalancerListeners", new DeleteListener("web", 80).awsOperation());
        assertEquals("CreateLBCookieStickinessPolicy", new CreateLbCookiePolicy("web", "sticky", 60).awsOperation());
        assertEquals("SetLoadBalancerPoliciesOfListener", new SetListenerPolicies("web", 80, List.of()).awsOperation());
        assertEquals("DisableAvailabilityZonesForLoadBalancer",
                new DisableAvailabilityZones("web", List.of("us-east-1a")).awsOperation());
        assertEquals(OperationKind.ADD_TAGS, OperationKind.of(new AddTags("web", new java.util.TreeMap<>(Map.of("a", "b")))));
    }
}
