/**
 * Tags: short labels with a colour that agents put on tickets to group them ("factura", "vip").
 * Agents create tags by using a new name; admins rename, recolour, merge and delete them.
 */
package org.ventanilla.tag;
