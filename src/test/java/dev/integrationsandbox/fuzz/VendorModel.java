package dev.integrationsandbox.fuzz;

import dev.integrationsandbox.core.MountedVendor;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mounted vendor as the fuzz sees it: its operations, its schemas for the generators and every
 * status it declares anywhere (for answers given before an operation matched).
 */
record VendorModel(String id, Schemas schemas, List<FuzzOperation> operations) {

  static VendorModel of(MountedVendor vendor) {
    return ContractModel.model(vendor);
  }

  Optional<FuzzOperation> operation(String operationId) {
    return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
  }

  boolean anyDeclares(int status) {
    Set<String> all = new HashSet<>();
    operations.forEach(o -> all.addAll(o.statuses()));
    return all.contains(String.valueOf(status)) || all.contains(status / 100 + "XX");
  }
}
