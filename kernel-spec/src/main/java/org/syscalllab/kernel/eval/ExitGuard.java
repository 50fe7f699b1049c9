package org.syscalllab.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps a cell from ending the kernel's JVM. Cells run in the kernel's own process, so {@code System.exit(3)} in a cell
 * would kill the notebook's session without a word. Before a cell's classes are loaded, {@link #rewrite(byte[])} points
 * every call of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in them (direct calls and method
 * references) at the methods below, which refuse with {@link ExitRefusedError} instead; the cell ends with that error
 * and the kernel keeps running.
 *
 * <p>The cells' code and the classes of jars and directories that cells add to the class path are rewritten (see
 * {@link GuardedLoaderDelegate}). Code on the kernel's own class path (the engine, the JDK) is not: if it exits, the
 * kernel tells the client why and ends (Jupyter then reports a dead kernel and offers a restart).
 */
public final class ExitGuard {
    private static final String OWNER = ExitGuard.class.getName().replace('.', '/');
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";

    private ExitGuard() { }

    /** Called instead of {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        throw new ExitRefusedError("System.exit(" + status + ")");
    }

    /** Called instead of {@code runtime.exit(status)} in cell code. */
    public static void exit(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.exit(" + status + ")");
    }

    /** Called instead of {@code runtime.halt(status)} in cell code. */
    public static void halt(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.halt(" + status + ")");
    }

    /** A class file with its exit calls redirected here; the same bytes when it has none. */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        boolean[] changed = new boolean[1];
        // the replacement takes the same operands off the stack, so frames and max stack stay valid: copy them
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                        String target = target(owner, mname, mdesc);
                        if (target == null) {
                            super.visitMethodInsn(opcode, owner, mname, mdesc, itf);
                            return;
                        }
                        changed[0] = true;
                        String desc2 = owner.equals(SYSTEM) ? mdesc : "(L" + RUNTIME + ";I)V";
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, target, desc2, false);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String iname, String idesc, Handle bsm, Object... args) {
                        Object[] out = args.clone();
                        for (int i = 0; i < out.length; i++) {
                            if (out[i] instanceof Handle h) {
                                String target = target(h.getOwner(), h.getName(), h.getDesc());
                                if (target != null) {
                                    changed[0] = true;
                                    String desc2 = h.getOwner().equals(SYSTEM) ? h.getDesc() : "(L" + RUNTIME + ";I)V";
                                    out[i] = new Handle(Opcodes.H_INVOKESTATIC, OWNER, target, desc2, false);
                                }
                            }
                        }
                        super.visitInvokeDynamicInsn(iname, idesc, bsm, out);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /** The name of the replacement for a call, or null when the call is not an exit. */
    static String target(String owner, String name, String desc) {
        if (!desc.equals("(I)V")) return null;
        if (owner.equals(SYSTEM) && name.equals("exit")) return "exit";
        if (owner.equals(RUNTIME) && (name.equals("exit") || name.equals("halt"))) return name;
        return null;
    }
}
