package dev.integrationsandbox.diff;

import dev.integrationsandbox.support.FixtureFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Compares two answers by structure, not bytes: the same fields at the same JSON pointers with the
 * same JSON types. Values are compared only where the contract declares an enum, since every other
 * value (ids, timestamps, names) legitimately differs between a vendor and its emulator.
 */
final class StructureDiff {

  record Found(String pointer, String kind, Object recorded, Object emulator) {}

  private final Predicate<String> enumAt;
  private final List<Found> found = new ArrayList<>();

  private StructureDiff(Predicate<String> enumAt) {
    this.enumAt = enumAt;
  }

  /**
   * @param enumAt whether the contract declares an enum at a pointer of the body
   */
  static List<Found> compare(Object recorded, Object emulator, Predicate<String> enumAt) {
    StructureDiff diff = new StructureDiff(enumAt);
    diff.walk("", recorded, emulator);
    return diff.found;
  }

  private void walk(String pointer, Object recorded, Object emulator) {
    String recordedType = FixtureFiles.typeOf(recorded);
    String emulatorType = FixtureFiles.typeOf(emulator);
    if (!recordedType.equals(emulatorType)) {
      found.add(new Found(pointer.isEmpty() ? "/" : pointer, "type", recordedType, emulatorType));
    } else if (recorded instanceof JsonObject r && emulator instanceof JsonObject e) {
      for (String name : r.fieldNames()) {
        String child = pointer + "/" + escape(name);
        if (!e.containsKey(name)) {
          found.add(new Found(child, "missing", r.getValue(name), null));
        } else {
          walk(child, r.getValue(name), e.getValue(name));
        }
      }
      for (String name : e.fieldNames()) {
        if (!r.containsKey(name)) {
          found.add(new Found(pointer + "/" + escape(name), "extra", null, e.getValue(name)));
        }
      }
    } else if (recorded instanceof JsonArray r && emulator instanceof JsonArray e) {
      for (int i = 0; i < Math.min(r.size(), e.size()); i++) {
        walk(pointer + "/" + i, r.getValue(i), e.getValue(i));
      }
    } else if (recorded instanceof String r && !r.equals(emulator) && enumAt.test(pointer)) {
      found.add(new Found(pointer, "enum", recorded, emulator));
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
