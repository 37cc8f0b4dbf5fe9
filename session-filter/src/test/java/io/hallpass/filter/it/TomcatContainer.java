package io.hallpass.filter.it;

import io.hallpass.filter.HallpassFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 11. */
public final class TomcatContainer implements Container {

    private Tomcat tomcat;
    private Context context;

    @Override
    public void start(TestApp app) throws Exception {
        Path base = Files.createTempDirectory("hallpass-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        // as the sample's launcher, and any production Tomcat: a request Tomcat refuses before any filter runs (a NUL
        // in a header, broken chunking) gets a status page without the exception's message and trace
        org.apache.catalina.valves.ErrorReportValve errors = new org.apache.catalina.valves.ErrorReportValve();
        errors.setShowReport(false);
        errors.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(errors);
        context = tomcat.addContext(app.contextPath, base.toString());
        // runs during the context's start, before any filter's init
        context.addServletContainerInitializer((classes, servletContext) ->
                app.listener().contextInitialized(new jakarta.servlet.ServletContextEvent(servletContext)), null);
        app.contextParams.forEach(context::addParameter);
        for (TestApp.ServletSpec spec : app.servlets) {
            Tomcat.addServlet(context, spec.name(), spec.servlet()).setAsyncSupported(true);
            spec.mappings().forEach(m -> context.addServletMappingDecoded(m, spec.name()));
        }
        FilterDef def = new FilterDef();
        def.setFilterName("hallpass");
        def.setFilterClass(HallpassFilter.class.getName());
        def.setAsyncSupported("true");
        app.filterParams.forEach(def::addInitParameter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("hallpass");
        map.addURLPattern("/*");
        map.setDispatcher("REQUEST");
        map.setDispatcher("FORWARD");
        map.setDispatcher("INCLUDE");
        map.setDispatcher("ASYNC");
        map.setDispatcher("ERROR");
        context.addFilterMap(map);
        if (app.forbiddenPage != null) {
            ErrorPage page = new ErrorPage();
            page.setErrorCode(403);
            page.setLocation(app.forbiddenPage);
            context.addErrorPage(page);
        }
        tomcat.start();
    }

    @Override
    public boolean applicationAvailable() {
        return context.getState() == LifecycleState.STARTED;
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public String name() {
        return "Tomcat " + org.apache.catalina.util.ServerInfo.getServerNumber();
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
