package io.cdkj.toolkit.lookups;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * A VPC's route tables, answering which table a subnet uses (its explicit association, else the
 * VPC's main table) and where that table routes. Immutable, thread-safe.
 */
final class RouteTables {

    private final List<RouteTable> tables;
    private final Optional<RouteTable> main;

    RouteTables(List<RouteTable> tables) {
        this.tables = List.copyOf(tables);
        this.main = tables.stream()
                .filter(t -> t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())))
                .findFirst();
    }

    Optional<String> routeTableIdFor(String subnetId) {
        return tableFor(subnetId).map(RouteTable::routeTableId);
    }

    boolean routesToInternetGateway(String subnetId) {
        return hasRoute(subnetId, r -> r.gatewayId() != null && r.gatewayId().startsWith("igw-"));
    }

    boolean routesToNatGateway(String subnetId) {
        return hasRoute(subnetId, r -> r.natGatewayId() != null && "0.0.0.0/0".equals(r.destinationCidrBlock()));
    }

    boolean routesToTransitGateway(String subnetId) {
        return hasRoute(subnetId, r -> r.transitGatewayId() != null && "0.0.0.0/0".equals(r.destinationCidrBlock()));
    }

    private boolean hasRoute(String subnetId, Predicate<Route> test) {
        return tableFor(subnetId).map(t -> t.routes().stream().anyMatch(test)).orElse(false);
    }

    private Optional<RouteTable> tableFor(String subnetId) {
        return tables.stream()
                .filter(t -> t.associations().stream().anyMatch(a -> subnetId.equals(a.subnetId())))
                .findFirst()
                .or(() -> main);
    }
}
