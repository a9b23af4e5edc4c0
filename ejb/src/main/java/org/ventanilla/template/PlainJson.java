package org.ventanilla.template;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON as serializable Java: maps, lists, strings, numbers, booleans and nulls, in order. */
final class PlainJson {

  private PlainJson() {}

  static Map<String, Object> map(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((k, v) -> map.put(k, plain(v)));
    return map;
  }

  static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> map((JsonObject) value);
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(v -> list.add(plain(v)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }
}
