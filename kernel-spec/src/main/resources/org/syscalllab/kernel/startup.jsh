// The imports every notebook cell and `./lab jshell` start with: the engine's public API, Tablesaw and JFreeChart.
// Only packages that hold public classes can be imported; add a package here when it gets its first one.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.io.*;
import java.nio.file.*;
import java.math.*;
import java.time.*;
import java.util.random.*;

import org.syscalllab.experiment.*;
import org.syscalllab.report.*;
import org.syscalllab.sim.*;
import org.syscalllab.hw.*;
import org.syscalllab.os.*;
import org.syscalllab.os.syscall.*;
import org.syscalllab.os.lock.*;
import org.syscalllab.os.device.*;
import org.syscalllab.mech.*;
import org.syscalllab.workload.*;
// names that two of the packages above both define: the usual Java meaning wins (qualify the engine's, e.g.
// org.syscalllab.hw.Stream)
import java.util.stream.Stream;

import tech.tablesaw.api.*;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.category.DefaultCategoryDataset;
