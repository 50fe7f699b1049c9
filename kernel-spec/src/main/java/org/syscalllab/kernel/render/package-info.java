/**
 * How a value becomes a notebook output: a {@link org.syscalllab.kernel.render.MimeRenderer} turns an object into a
 * MIME bundle (text as is, images as base64). {@link org.syscalllab.kernel.render.Renderers} holds the built-in ones
 * (any {@link org.syscalllab.report.Displayable}, JFreeChart charts and {@link java.awt.image.RenderedImage}s as PNG,
 * Tablesaw tables as HTML) and every renderer another jar lists under {@code META-INF/services}, and picks one per value.
 */
package org.syscalllab.kernel.render;
