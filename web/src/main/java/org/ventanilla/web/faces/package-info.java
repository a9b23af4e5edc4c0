/** Small extensions of Jakarta Faces that the pages rely on. */
package org.ventanilla.web.faces;
