package org.ventanilla.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.persistence.internal.weaving.PersistenceWeaved;
import org.eclipse.persistence.internal.weaving.PersistenceWeavedLazy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The build weaves every entity of the persistence unit (StaticWeave in ejb/pom.xml): without it
 * EclipseLink turns each LAZY relation into an eager one and warns about it at every start. The
 * list comes from persistence.xml, so an entity added there is checked too.
 */
class WovenEntitiesTest {

  private static List<Class<?>> entitiesOfThePersistenceUnit() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    List<Class<?>> entities = new ArrayList<>();
    try (InputStream xml =
        WovenEntitiesTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
      NodeList classes =
          factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "class");
      for (int i = 0; i < classes.getLength(); i++) {
        Class<?> type = Class.forName(classes.item(i).getTextContent().trim());
        if (type.isAnnotationPresent(Entity.class)) {
          entities.add(type);
        }
      }
    }
    return entities;
  }

  @Test
  @DisplayName("every entity of the persistence unit is woven, lazy relations included")
  void everyEntityIsWoven() throws Exception {
    List<Class<?>> entities = entitiesOfThePersistenceUnit();
    assertFalse(entities.isEmpty(), "persistence.xml lists no entity");
    for (Class<?> entity : entities) {
      assertTrue(
          PersistenceWeaved.class.isAssignableFrom(entity), entity.getName() + " is not woven");
      if (hasLazyToOne(entity)) {
        assertTrue(
            PersistenceWeavedLazy.class.isAssignableFrom(entity),
            entity.getName() + " is woven without its lazy relations");
      }
    }
  }

  @Test
  @DisplayName("the check finds lazy relations to look at")
  void lazyRelationsAreFound() throws Exception {
    assertTrue(
        entitiesOfThePersistenceUnit().stream().anyMatch(WovenEntitiesTest::hasLazyToOne),
        "no entity has a LAZY ManyToOne or OneToOne");
  }

  private static boolean hasLazyToOne(Class<?> entity) {
    for (Field field : entity.getDeclaredFields()) {
      ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
      OneToOne oneToOne = field.getAnnotation(OneToOne.class);
      if ((manyToOne != null && manyToOne.fetch() == FetchType.LAZY)
          || (oneToOne != null && oneToOne.fetch() == FetchType.LAZY)) {
        return true;
      }
    }
    return false;
  }

  @Test
  @DisplayName("the persistence unit expects the build's weaving, not none")
  void persistenceUnitAsksForStaticWeaving() throws Exception {
    try (InputStream xml =
        WovenEntitiesTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
      String text = new String(xml.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(
          text.contains("<property name=\"eclipselink.weaving\" value=\"static\"/>"),
          "eclipselink.weaving must be static");
    }
  }
}
