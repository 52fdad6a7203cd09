package dev.jobmonitor.demo.sim;

import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The users, audiences and jobs a demo backend starts with. */
public final class SeedData {
    public static final String DEMO_EMAIL = "demo@example.test";
    public static final String DEMO_PASSWORD = "demo1234";
    public static final String OTHER_EMAIL = "other@example.test";
    public static final String OTHER_PASSWORD = "other1234";

    /** Seed audiences; the first three start with a calendar. */
    static final List<AudienceProfile> SEED_PROFILES = List.of(
            new AudienceProfile("Owners of independent coffee roasteries",
                    "Craft-proud, wary of big marketing spend",
                    "Searches supplier and equipment questions on desktop at night",
                    "Wholesale cafe accounts do not find the roastery online",
                    List.of("specialty coffee wholesale", "roastery marketing"),
                    "Guide -> sample request -> wholesale call",
                    "Win cafe accounts with content that shows how you roast.",
                    "Medium", "Low", "High",
                    List.of("green coffee sourcing", "wholesale pricing", "roast profiles", "cafe partnerships",
                            "subscription boxes", "cupping events")),
            new AudienceProfile("Freelance bookkeepers serving tradespeople",
                    "Detail-oriented, time-poor during tax season",
                    "Searches tax deadlines and software comparisons",
                    "Referrals dry up outside tax season",
                    List.of("bookkeeper for plumbers", "tradesperson accounts"),
                    "Checklist download -> discovery call",
                    "Become the bookkeeper every local tradesperson recommends.",
                    "Low", "Medium", "High",
                    List.of("quarterly tax deadlines", "receipt tracking", "van expenses", "invoice templates",
                            "cash flow forecasting", "bookkeeping software")),
            new AudienceProfile("Physiotherapy clinic managers",
                    "Care about patient outcomes and full appointment books",
                    "Searches patient retention and booking tools",
                    "Patients drop off after two or three sessions",
                    List.of("physio patient retention", "clinic booking"),
                    "Blog post -> newsletter -> demo booking",
                    "Keep patients coming back with helpful recovery content.",
                    "Medium", "Medium", "Medium",
                    List.of("home exercise programmes", "patient reminders", "sports injury recovery",
                            "clinic reviews", "back pain myths", "posture at work")),
            new AudienceProfile("Indie game studios with two to ten people",
                    "Creative, launch-driven, short on marketing hours",
                    "Searches wishlist growth and festival tips",
                    "Steam wishlists stall months before launch",
                    List.of("steam wishlists", "indie game marketing"),
                    "Devlog -> mailing list -> wishlist",
                    "Turn your devlog into a wishlist engine.",
                    "High", "High", "Medium",
                    List.of("steam next fest", "devlog ideas", "press kits", "trailer editing",
                            "discord community", "launch timing")),
            new AudienceProfile("Yoga studio owners",
                    "Community-minded, value authenticity",
                    "Searches class scheduling and retention ideas on mobile",
                    "Intro-offer students rarely convert to memberships",
                    List.of("yoga studio marketing", "membership retention"),
                    "Class guide -> intro offer -> membership",
                    "Grow memberships with content students actually read.",
                    "Medium", "Medium", "High",
                    List.of("beginner yoga sequences", "studio memberships", "teacher training",
                            "workshop planning", "class pricing", "student onboarding")),
            new AudienceProfile("B2B SaaS founders before Series A",
                    "Data-driven, impatient for pipeline",
                    "Searches growth playbooks and competitor comparisons",
                    "Organic traffic does not turn into demo requests",
                    List.of("saas content marketing", "b2b demand generation"),
                    "Comparison page -> free trial -> sales call",
                    "Content that brings demo requests, not just page views.",
                    "High", "High", "High",
                    List.of("product-led growth", "comparison pages", "onboarding emails", "pricing pages",
                            "customer case studies", "churn reduction")),
            new AudienceProfile("Community garden organisers",
                    "Volunteer-run, practical, budget-conscious",
                    "Searches grants, planting calendars and volunteer tools",
                    "Volunteers sign up once and never return",
                    List.of("community garden volunteers", "garden grants"),
                    "Seasonal guide -> newsletter -> volunteer day",
                    "Keep volunteers engaged all season long.",
                    "Low", "Low", "Medium",
                    List.of("planting calendars", "volunteer rotas", "small grants", "composting basics",
                            "seed swaps", "raised beds")),
            new AudienceProfile("Regional wedding photographers",
                    "Visual, referral-driven, seasonal cash flow",
                    "Searches venue guides and pricing advice",
                    "Couples compare on price because portfolios look alike",
                    List.of("wedding photographer pricing", "venue photo guide"),
                    "Venue guide -> enquiry form -> consultation",
                    "Stand out before couples ever see your price list.",
                    "Medium", "High", "Medium",
                    List.of("venue photo guides", "engagement shoots", "wedding timelines", "album design",
                            "second shooters", "off-season marketing")));

    /** Audiences that automatic jobs create once every seed audience has a calendar. */
    static final List<AudienceProfile> EXTRA_PROFILES = List.of(
            new AudienceProfile("Mobile dog groomers", "Independent, word-of-mouth led",
                    "Searches route planning and pricing on mobile",
                    "Bookings cluster on weekends and leave weekdays empty",
                    List.of("mobile dog grooming", "grooming prices"), "Care guide -> booking form",
                    "Fill weekday slots with content pet owners share.", "Low", "Medium", "High",
                    List.of("coat care", "grooming schedules", "anxious dogs", "van setup", "pricing tiers")),
            new AudienceProfile("Craft breweries with a taproom", "Experimental, event-driven",
                    "Searches event ideas and distribution questions",
                    "Taproom visits drop between releases",
                    List.of("taproom events", "craft beer releases"), "Release notes -> event RSVP",
                    "Give people a reason to visit between releases.", "Medium", "Medium", "Medium",
                    List.of("release calendars", "beer pairing", "taproom events", "brewing process",
                            "local distribution")),
            new AudienceProfile("Private tutoring centres", "Results-focused, parent-facing",
                    "Searches exam dates and study methods",
                    "Parents only search for tutors right before exams",
                    List.of("exam tutoring", "study skills"), "Study guide -> assessment booking",
                    "Reach parents months before exam panic.", "Medium", "High", "High",
                    List.of("exam preparation", "study timetables", "reading skills", "maths confidence",
                            "parent updates")),
            new AudienceProfile("Bicycle repair shops", "Hands-on, loyal local customers",
                    "Searches maintenance how-tos and parts",
                    "Customers visit only when something breaks",
                    List.of("bike servicing", "bike repair near me"), "Maintenance guide -> service booking",
                    "Bring riders in for a service before the breakdown.", "Low", "Medium", "Medium",
                    List.of("chain maintenance", "brake tuning", "commuter bikes", "e-bike batteries",
                            "winter riding")));

    private SeedData() {
    }

    /** Returns every audience profile, for audiences created on request. */
    public static List<AudienceProfile> allProfiles() {
        List<AudienceProfile> all = new ArrayList<>(SEED_PROFILES);
        all.addAll(EXTRA_PROFILES);
        return all;
    }

    /** Creates the two users, which exist even when seed data is off. */
    public static void addUsers(World world, Random random, Clock clock) {
        Instant created = clock.instant().minus(Duration.ofDays(40));
        world.addUser(new User(Json.uuid(random), DEMO_EMAIL, DEMO_PASSWORD, "Dana", "Demo",
                "Northwind Content Studio", Json.uuid(random), "DEMO4REF", created));
        world.addUser(new User(Json.uuid(random), OTHER_EMAIL, OTHER_PASSWORD, "Olli", "Other",
                "Second Example Ltd", Json.uuid(random), "OTHR7REF", created.plus(Duration.ofDays(3))));
    }

    /**
     * Creates the seed audiences and jobs: a running bundle job over three audiences, a running
     * single job, a failed job, and one job of the other user.
     *
     * @return the demo user's seed job ids: bundle, single, failed
     */
    public static List<String> populate(World world, JobSimulator simulator, DemoConfig config,
            Random random, Clock clock) {
        User demo = world.userByEmail(DEMO_EMAIL).orElseThrow();
        User other = world.userByEmail(OTHER_EMAIL).orElseThrow();
        Instant now = clock.instant();
        List<String> ids = addSeedAudiences(world, demo, random, now);

        ProgressProfile profile = config.profile();
        Job bundle = simulator.submit(demo, ids.subList(3, 6), JobOutcome.PARTIAL_FAILURE, profile);
        Job single = simulator.submit(demo, ids.subList(6, 7), JobOutcome.SUCCESS, profile);
        Job failed = simulator.addFailedJob(demo, ids.subList(7, 8), profile,
                now.minus(Duration.ofMinutes(4)));

        Audience othersAudience = new Audience(Json.uuid(random), other.id(), EXTRA_PROFILES.get(0),
                1, now.minus(Duration.ofDays(5)));
        world.addAudience(othersAudience);
        simulator.submit(other, List.of(othersAudience.id()), JobOutcome.SUCCESS, profile);
        return List.of(bundle.id(), single.id(), failed.id());
    }

    /** Adds one audience per seed profile, the first three with a calendar; returns their ids. */
    private static List<String> addSeedAudiences(World world, User owner, Random random,
            Instant now) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SEED_PROFILES.size(); i++) {
            Instant created = now.minus(Duration.ofDays(20L - 2L * i))
                    .minus(Duration.ofMinutes(7L * i));
            Audience audience = new Audience(Json.uuid(random), owner.id(), SEED_PROFILES.get(i),
                    1 + i % 3, created);
            if (i < 3) {
                List<String> topics = audience.profile().topics();
                audience.saveCalendar(ContentIdeas.generate(topics, random),
                        ContentIdeas.trendingTopics(topics, 2, random),
                        created.plus(Duration.ofHours(20)));
            }
            world.addAudience(audience);
            ids.add(audience.id());
        }
        return ids;
    }
}
