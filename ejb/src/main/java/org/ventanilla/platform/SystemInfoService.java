package org.ventanilla.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.ventanilla.agent.Role;

/** What an admin needs to know about this installation (the info page and /api/v1/info). */
@Stateless
@RolesAllowed(Role.ADMIN_ROLE)
public class SystemInfoService {

  @PersistenceContext private EntityManager em;

  @Resource(lookup = "java:jboss/datasources/VentanillaDS")
  private DataSource dataSource;

  @Inject DataDirectory dataDirectory;

  public SystemInfo info() {
    // The provider that really serves our persistence unit, not the one we hope is configured.
    Object delegate = em.getDelegate();
    Package providerPackage = delegate.getClass().getPackage();
    String provider =
        delegate.getClass().getName().startsWith("org.eclipse.persistence")
            ? "EclipseLink"
            : delegate.getClass().getName();
    String providerVersion = org.eclipse.persistence.Version.getVersionString();
    String dbProduct;
    String dbVersion;
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      dbProduct = meta.getDatabaseProductName();
      dbVersion = meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      dbProduct = "unavailable";
      dbVersion = e.getMessage();
    }
    return new SystemInfo(
        getClass().getPackage().getImplementationVersion() == null
            ? "development"
            : getClass().getPackage().getImplementationVersion(),
        provider,
        providerVersion == null ? String.valueOf(providerPackage) : providerVersion,
        dbProduct,
        dbVersion,
        serverVersion(),
        System.getProperty("java.version"),
        dataDirectory.root().toString());
  }

  private static String serverVersion() {
    try {
      Object name =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName("jboss.as:management-root=server"), "productName");
      Object version =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName("jboss.as:management-root=server"), "productVersion");
      return name + " " + version;
    } catch (Exception e) {
      return "WildFly";
    }
  }
}
