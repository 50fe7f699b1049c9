#!/usr/bin/python3
"""Conformance tests of the syscall-lab Jupyter kernel.

Runs Debian's jupyter_kernel_test suite (python3-jupyter-kernel-test) against the kernel, plus tests of what that
suite does not cover: interrupting running cells, sockets bound to 127.0.0.1 only, a wrongly signed message, output
volume, display updates, the class-path magics, and robustness (an unknown magic, 100 MB of output, a display over its budget, a renderer that
throws, System.exit in a cell: each a clear error, and the next cell runs). Run by `./lab test` with JUPYTER_PATH pointing at the generated
kernelspec; exits non-zero when a test fails.
"""
import os
import pathlib
import queue
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import jupyter_kernel_test as jkt
from jupyter_client.session import Session

ROOT = pathlib.Path(__file__).resolve().parents[4]
if "JUPYTER_PATH" not in os.environ:
    os.environ["JUPYTER_PATH"] = str(ROOT / "kernel-spec" / "target" / "jupyter")

REPLY_TIMEOUT = 60  # seconds; generous because CI machines may be loaded


class SyscallLabKernelTests(jkt.KernelTests):
    kernel_name = "syscall-lab"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'

    completion_samples = [
        {"text": "Syste", "matches": {"System"}},
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "Simulat", "matches": {"Simulation", "SimulationInterruptedException", "SimulationLimitException"}},
    ]

    complete_code_samples = ["1 + 1", "System.out.println(1);", "int x = 3;", "for (int i = 0; i < 3; i++) { }",
                             "%jars /tmp/a.jar\n1 + 1"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f(int a) {", "System.out.println("]
    invalid_code_samples = ["}", "int x = );", "%nosuchmagic"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": 'Table.create("t", IntColumn.create("a", 1, 2, 3))', "mime": "text/html"},
        {"code": 'ChartFactory.createXYLineChart("c", "x", "y", new XYSeriesCollection(new XYSeries("s")))',
         "mime": "image/png"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": 'display("text/html", "<b>hi</b>");', "mime": "text/html"},
        {"code": 'display(Table.create("t", IntColumn.create("a", 1)));', "mime": "text/html"},
    ]

    code_inspect_sample = "Math.abs"
    code_clear_output = 'System.out.println("soon gone");\nclearOutput();'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the suite's own replies time out after 15 s: let JShell finish starting before the first test
        jkt.TIMEOUT = REPLY_TIMEOUT
        try:
            reply = cls.kc.execute_interactive("1 + 1", timeout=REPLY_TIMEOUT, output_hook=lambda msg: None)
            assert reply["content"]["status"] == "ok", reply["content"]
        except BaseException:
            cls.tearDownClass()  # unittest skips tearDownClass when setUpClass fails: stop the kernel ourselves
            raise

    # ------------------------------------------------------------------------------------------- helpers

    def reply_to(self, msg_id, timeout=REPLY_TIMEOUT):
        deadline = time.time() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def iopub_until_idle(self, msg_id, timeout=REPLY_TIMEOUT):
        msgs, deadline = [], time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.5)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return msgs
            msgs.append(msg)
        self.fail("no idle status for %s within %s s" % (msg_id, timeout))

    def run_cell(self, code, timeout=REPLY_TIMEOUT):
        msg_id = self.kc.execute(code)
        reply = self.reply_to(msg_id, timeout)
        return reply, self.iopub_until_idle(msg_id, timeout)

    def assert_next_cell_runs(self):
        reply, outputs = self.run_cell("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["2"])

    def interrupt_running(self, code, expected_ename, setup=None):
        """Runs `code` (a block that prints "started" first), interrupts it once it has started, checks the error."""
        if setup:
            reply, _ = self.run_cell(setup)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.flush_channels()
        msg_id = self.kc.execute(code)
        deadline = time.time() + REPLY_TIMEOUT
        while True:  # wait until the cell's code runs, so that the interrupt reaches it and not the compiler
            self.assertLess(time.time(), deadline, "the cell never started")
            try:
                msg = self.kc.get_iopub_msg(timeout=0.5)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream" \
                    and "started" in msg["content"]["text"]:
                break
        time.sleep(0.3)
        self.km.interrupt_kernel()
        reply = self.reply_to(msg_id, timeout=30)
        self.iopub_until_idle(msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], expected_ename)
        self.assert_next_cell_runs()

    # ----------------------------------------------------------------------------------------- interrupt

    def test_interrupt_busy_loop(self):
        """A loop that never looks at its interrupt flag is stopped by JShell after the grace period."""
        self.interrupt_running('{ System.out.println("started"); while (true) { } }', "Interrupted")

    def test_interrupt_loop_until_interrupted(self):
        """A loop that runs until its thread is interrupted ends at once."""
        self.interrupt_running('{ System.out.println("started"); while (!Thread.currentThread().isInterrupted()) { } }',
                               "Interrupted")

    def test_interrupt_sleep(self):
        self.interrupt_running('{ System.out.println("started"); Thread.sleep(600_000); }', "InterruptedException")

    def test_interrupt_simulation(self):
        """The engine's event loop checks the interrupt flag and stops with its own exception."""
        setup = ("var sim = new Simulation(1);\n"
                 "sim.schedule(1, new Simulation.Action() { public void fire(Simulation s) { s.schedule(1, this); } });")
        self.interrupt_running('{ System.out.println("started"); sim.run(); }', "SimulationInterruptedException",
                               setup=setup)

    def test_interrupt_parallel_sweep(self):
        """A sweep running on the runner's worker threads stops too: they belong to the interrupted cell."""
        self.interrupt_running('{ System.out.println("started");\n'
                               '  Lab.runner().withCache(false).run("demo.mm1", "customers", 50_000_000); }',
                               "RunInterruptedException")

    # ------------------------------------------------------------------------------------------- sockets

    def test_sockets_bound_to_loopback_only(self):
        """Every listening TCP socket of the kernel process is on 127.0.0.1, and the five ports are among them."""
        pid = self.km.provisioner.process.pid
        inodes = set()
        for fd in pathlib.Path("/proc/%d/fd" % pid).iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        listening = []  # (address hex, port)
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    local, state, inode = cols[1], cols[3], cols[9]
                    if state == "0A" and inode in inodes:  # 0A = LISTEN
                        addr, port = local.split(":")
                        listening.append((addr, int(port, 16)))
        info = self.km.get_connection_info()
        ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
        self.assertTrue(ports <= {p for _, p in listening}, "not all kernel ports listen: %s vs %s" % (ports, listening))
        loopback = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1, and as an IPv4-mapped IPv6 address
        for addr, port in listening:
            self.assertIn(addr, loopback, "port %d listens on %s, not 127.0.0.1" % (port, addr))

    def test_refuses_non_loopback_address(self):
        """Started with a connection file that names all interfaces, the kernel exits instead of listening."""
        from jupyter_client.manager import KernelManager
        km = KernelManager(kernel_name=self.kernel_name)
        km.ip = "0.0.0.0"
        km.start_kernel(stderr=subprocess.PIPE)
        try:
            deadline = time.time() + 30
            while km.is_alive() and time.time() < deadline:
                time.sleep(0.2)
            self.assertFalse(km.is_alive(), "kernel kept running with ip 0.0.0.0")
        finally:
            if km.is_alive():
                km.shutdown_kernel(now=True)
            km.cleanup_resources()

    def test_wrong_signature_does_not_kill_shell(self):
        """A message signed with the wrong key is skipped; the shell channel still answers."""
        bad = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
        bad.send(self.kc.shell_channel.socket, "kernel_info_request", {})
        time.sleep(0.5)
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.reply_to(msg_id, timeout=30)
        self.assertEqual(reply["msg_type"], "kernel_info_reply")
        self.assertEqual(reply["content"]["status"], "ok")

    # ---------------------------------------------------------------------------------------- output

    def test_no_output_lost(self):
        """10,000 println calls arrive complete (the iopub socket must not drop messages)."""
        self.flush_channels()
        reply, outputs = self.run_cell('for (int i = 0; i < 10_000; i++) System.out.println("line " + i);')
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        lines = text.splitlines()
        self.assertEqual(len(lines), 10_000)
        self.assertEqual(lines[-1], "line 9999")

    def test_update_display(self):
        self.flush_channels()
        reply, outputs = self.run_cell('var ref = display("text/plain", "before");\nupdateDisplay(ref, "after");')
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for m in outputs]
        self.assertIn("display_data", kinds)
        self.assertIn("update_display_data", kinds)
        shown = next(m for m in outputs if m["msg_type"] == "display_data")
        update = next(m for m in outputs if m["msg_type"] == "update_display_data")
        self.assertEqual(shown["content"]["transient"]["display_id"], update["content"]["transient"]["display_id"])
        self.assertEqual(update["content"]["data"]["text/plain"], "after")

    def test_progress_bar_updates_in_place(self):
        self.flush_channels()
        reply, outputs = self.run_cell('var bar = progressBar("sweep");\nbar.start(4);\n'
                                       'for (int i = 0; i < 4; i++) bar.pointDone();\nbar.finish();')
        self.assertEqual(reply["content"]["status"], "ok")
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertGreaterEqual(len(updates), 4)
        self.assertIn("<progress", shown[0]["content"]["data"]["text/html"])
        self.assertIn("4/4", updates[-1]["content"]["data"]["text/plain"])

    def test_compile_error_carries_message(self):
        self.flush_channels()
        reply, _ = self.run_cell('int z = "x";')
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("incompatible types", reply["content"]["evalue"])

    def test_error_stops_the_rest_of_the_cell(self):
        self.flush_channels()
        reply, outputs = self.run_cell('System.out.println("one");\nint y = undefinedThing;\nSystem.out.println("two");')
        self.assertEqual(reply["content"]["status"], "error")
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertIn("one", text)
        self.assertNotIn("two", text)

    # ---------------------------------------------------------------------------------------- magics

    def test_magic_missing_path_is_an_error(self):
        self.flush_channels()
        reply, _ = self.run_cell("%jars /nonexistent/nothing.jar")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "MagicError")
        self.assertIn("/nonexistent/nothing.jar", reply["content"]["evalue"])

    def test_classpath_magic_adds_classes(self):
        with tempfile.TemporaryDirectory() as d:
            classes = self.compile_class(d, "magictest", "Greeter",
                                         'public static String greet() { return "hi from a jar"; }')
            self.flush_channels()
            reply, outputs = self.run_cell("%%classpath %s\nmagictest.Greeter.greet()" % classes)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
            self.assertEqual(results, ["hi from a jar"])

    # ------------------------------------------------------------------------------------------ robustness

    def streams(self, outputs, name):
        return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def test_unknown_magic_is_named_with_the_known_ones(self):
        self.flush_channels()
        reply, outputs = self.run_cell("%nosuch arg\n1 + 1")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "MagicError")
        for word in ("%nosuch", "%classpath", "%jars"):
            self.assertIn(word, reply["content"]["evalue"])
        self.assertIn("error", [m["msg_type"] for m in outputs])
        self.assert_next_cell_runs()

    def test_a_hundred_megabytes_of_output_are_capped_with_a_notice(self):
        """The cell prints 100 MB; the client gets the per-cell budget (1 MiB) and a notice, the kernel survives."""
        self.flush_channels()
        t0 = time.time()
        reply, outputs = self.run_cell('String line100 = "x".repeat(99);\n'
                                       'for (int i = 0; i < 1_000_000; i++) System.out.println(line100);', timeout=300)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        received = sum(len(m["content"]["text"].encode()) for m in outputs if m["msg_type"] == "stream")
        self.assertLessEqual(received, (1 << 20) + 4096, "the client received %d bytes" % received)
        self.assertEqual(len(self.streams(outputs, "stdout").encode()), 1 << 20)
        notices = self.streams(outputs, "stderr")
        self.assertIn("output limit reached", notices)
        self.assertIn("98,951,424 bytes of this cell's output were dropped", notices)
        print("\n  100 MB cell: %d bytes reached the client in %.1f s" % (received, time.time() - t0), file=sys.stderr)
        self.assert_next_cell_runs()

    def test_a_display_over_the_budget_is_replaced_by_a_notice(self):
        """display() of a 20 MB string and a 20 MB cell value (budget 16 MiB): short notices, the kernel survives."""
        self.flush_channels()
        reply, outputs = self.run_cell('String big = "x".repeat(20_000_000);\n'
                                       'display(big);\n'
                                       'big', timeout=300)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        rich = [m for m in outputs if m["msg_type"] in ("display_data", "execute_result")]
        self.assertEqual(len(rich), 2, [m["msg_type"] for m in outputs])
        for m in rich:
            text = m["content"]["data"]["text/plain"]
            self.assertLess(len(text), 1000)
            self.assertIn("not shown", text)
            self.assertIn("syscalllab.kernel.maxDisplayBytes", text)
        self.assert_next_cell_runs()

    def test_a_renderer_that_throws_is_an_error_naming_it(self):
        self.flush_channels()
        reply, _ = self.run_cell("class BrokenView implements org.syscalllab.report.Displayable {\n"
                                 "  public java.util.Map<String, String> mimeBundle() {\n"
                                 '    throw new IllegalStateException("no bundle today"); } }')
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        reply, outputs = self.run_cell("new BrokenView()")  # the cell's value
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "RenderError")
        for word in ("DisplayableRenderer", "BrokenView", "no bundle today"):
            self.assertIn(word, reply["content"]["evalue"])
        self.assertNotIn("execute_result", [m["msg_type"] for m in outputs])
        reply, _ = self.run_cell("display(new BrokenView());")  # shown in the middle of a cell
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "RenderException")
        self.assertIn("no bundle today", reply["content"]["evalue"])
        self.assert_next_cell_runs()

    def test_system_exit_in_a_cell_is_refused(self):
        for code, call in (("System.exit(3);", "System.exit(3)"), ("Runtime.getRuntime().halt(4);", "Runtime.halt(4)")):
            self.flush_channels()
            reply, _ = self.run_cell(code)
            self.assertEqual(reply["content"]["status"], "error")
            self.assertEqual(reply["content"]["ename"], "ExitRefusedError")
            self.assertIn(call + " refused", reply["content"]["evalue"])
            self.assertTrue(self.km.is_alive(), "the kernel process ended")
            self.assert_next_cell_runs()

    def test_exit_from_a_library_added_by_a_cell_is_refused(self):
        """A jar or directory added with %classpath passes through the same exit guard as the cells' own code."""
        with tempfile.TemporaryDirectory() as d:
            classes = self.compile_class(d, "exittest", "Quitter", "public static void quit() { System.exit(5); }")
            self.flush_channels()
            reply, _ = self.run_cell("%%classpath %s\nexittest.Quitter.quit();" % classes)
            self.assertEqual(reply["content"]["status"], "error", reply["content"])
            self.assertEqual(reply["content"]["ename"], "ExitRefusedError")
            self.assertIn("System.exit(5) refused", reply["content"]["evalue"])
            self.assertTrue(self.km.is_alive(), "the kernel process ended")
            self.assert_next_cell_runs()

    def test_exit_from_the_kernels_own_class_path_is_reported_and_the_kernel_restarts(self):
        """An exit in code the guard does not rewrite (the engine's command-line entry point, on the kernel's own class
        path) ends the process: the client is told why on the cell's stderr, and a restart gives a working kernel.
        Runs on a kernel of its own."""
        from jupyter_client.manager import start_new_kernel
        km, kc = start_new_kernel(kernel_name=self.kernel_name, startup_timeout=REPLY_TIMEOUT)
        try:
            kc.execute_interactive("1 + 1", timeout=REPLY_TIMEOUT, output_hook=lambda msg: None)
            msg_id = kc.execute('org.syscalllab.cli.Main.main(new String[] {"list"});')
            texts, deadline = [], time.time() + REPLY_TIMEOUT
            while time.time() < deadline:
                try:
                    msg = kc.get_iopub_msg(timeout=0.5)
                except queue.Empty:
                    if not km.is_alive():
                        break
                    continue
                if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                    texts.append(msg["content"]["text"])
            self.assertFalse(km.is_alive(), "the kernel did not exit")
            self.assertIn("the kernel is ending: code called by this cell exited the JVM", "".join(texts))
            km.restart_kernel(now=True)
            kc.wait_for_ready(timeout=REPLY_TIMEOUT)
            reply = kc.execute_interactive("1 + 1", timeout=REPLY_TIMEOUT, output_hook=lambda msg: None)
            self.assertEqual(reply["content"]["status"], "ok")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            km.cleanup_resources()

    def compile_class(self, tmp, package, name, body):
        """Compiles `package.name` with the given class body under tmp; returns its classes directory (or skips)."""
        javac = shutil.which("javac", path=os.path.join(os.environ["JAVA_HOME"], "bin")) if os.environ.get("JAVA_HOME") else None
        javac = javac or shutil.which("javac")
        if not javac:
            self.skipTest("no javac")
        src = pathlib.Path(tmp, "src", package)
        src.mkdir(parents=True)
        (src / (name + ".java")).write_text("package %s; public class %s { %s }" % (package, name, body))
        classes = pathlib.Path(tmp, "classes")
        subprocess.run([javac, "--release", "17", "-d", str(classes), str(src / (name + ".java"))], check=True)
        return classes


if __name__ == "__main__":
    unittest.main(verbosity=2)
