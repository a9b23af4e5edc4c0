package org.ventanilla.web.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On a cluster the web session, with the views' beans in it, is copied to the other node, and there
 * read back when the agent's node goes down. So every bean kept in a view or a session must
 * serialize whole: its own values of serializable types (DTOs included, to the bottom), and its
 * injected services not transient, since a transient injection is null on the node that takes the
 * session over (Weld's proxies and EJB references serialize themselves).
 */
class ClusteredStateTest {

  @Test
  void everyBeanKeptInAViewOrSessionSerializesWholeWithItsServices() {
    List<Class<?>> beans = scopedBeans();
    assertFalse(beans.size() < 10, "the scan found too few view and session beans: " + beans);
    List<String> faults = new ArrayList<>();
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        faults.add(bean.getName() + " is not Serializable");
      }
      checkFields(bean, bean.getSimpleName(), faults, new HashSet<>());
    }
    assertEquals(List.of(), faults);
  }

  @Test
  void theCheckFindsANonSerializableValueDeepInADto() {
    List<String> faults = new ArrayList<>();
    checkFields(Holder.class, "Holder", faults, new HashSet<>());
    assertEquals(
        List.of(
            "Holder.inner.thread: java.lang.Thread is not Serializable",
            "Holder.service is injected transient: null after a failover"),
        faults.stream().sorted().toList());
  }

  private static List<Class<?>> scopedBeans() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ventanilla.web")
            .stream()
            .filter(
                c -> c.isAnnotatedWith(ViewScoped.class) || c.isAnnotatedWith(SessionScoped.class))
            .map(JavaClass::reflect)
            .<Class<?>>map(c -> c)
            .toList();
  }

  private static void checkFields(Class<?> type, String path, List<String> faults, Set<Type> seen) {
    for (Class<?> c = type; c != null && isOurs(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || field.isSynthetic()) {
          continue;
        }
        String at = path + "." + field.getName();
        boolean injected = field.isAnnotationPresent(Inject.class);
        if (injected && Modifier.isTransient(modifiers)) {
          faults.add(at + " is injected transient: null after a failover");
        } else if (injected && field.getType() == SecurityContext.class) {
          // WildFly's SecurityContext holds its Elytron resolver, which does not serialize.
          faults.add(at + " injects the SecurityContext, which does not serialize");
        } else if (!injected && !Modifier.isTransient(modifiers)) {
          checkType(field.getGenericType(), at, faults, seen);
        }
      }
    }
  }

  private static void checkType(Type type, String at, List<String> faults, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      checkType(parameterized.getRawType(), at, faults, seen);
      for (Type argument : parameterized.getActualTypeArguments()) {
        checkType(argument, at, faults, seen);
      }
    } else if (type instanceof GenericArrayType array) {
      checkType(array.getGenericComponentType(), at, faults, seen);
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        checkType(bound, at, faults, seen);
      }
    } else if (type instanceof TypeVariable<?> variable) {
      for (Type bound : variable.getBounds()) {
        checkType(bound, at, faults, seen);
      }
    } else if (type instanceof Class<?> c) {
      checkClass(c, at, faults, seen);
    }
  }

  private static void checkClass(Class<?> c, String at, List<String> faults, Set<Type> seen) {
    if (c.isPrimitive() || c == Object.class || isServiceReference(c)) {
      return;
    }
    if (c.isArray()) {
      checkType(c.getComponentType(), at, faults, seen);
      return;
    }
    // The JDK's collection interfaces stand for serializable implementations (List.of, ArrayList,
    // HashMap...); their elements are checked through the type arguments. Other libraries'
    // collections (JSON-P's JsonArray) are not.
    boolean collection =
        (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))
            && c.getName().startsWith("java.");
    if (!(collection && c.isInterface()) && !Serializable.class.isAssignableFrom(c)) {
      faults.add(at + ": " + c.getName() + " is not Serializable");
      return;
    }
    if (isOurs(c) && !c.isEnum() && !replacesItself(c)) {
      checkFields(c, at, faults, seen);
    }
  }

  /** An EJB or application-scoped bean: its reference (a proxy) serializes itself. */
  private static boolean isServiceReference(Class<?> c) {
    return c.isAnnotationPresent(Stateless.class)
        || c.isAnnotationPresent(Singleton.class)
        || c.isAnnotationPresent(ApplicationScoped.class);
  }

  /** A class with a writeReplace travels as what that returns, which it answers for. */
  private static boolean replacesItself(Class<?> c) {
    try {
      c.getDeclaredMethod("writeReplace");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean isOurs(Class<?> c) {
    return c.getName().startsWith("org.ventanilla.");
  }

  /** A bean with a deep fault and a transient service, for the check's own test. */
  @SuppressWarnings("unused")
  static class Holder implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject transient Object service;
    private Inner inner;

    record Inner(String name, Thread thread) implements Serializable {}
  }
}
