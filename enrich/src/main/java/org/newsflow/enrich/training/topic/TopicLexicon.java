package org.newsflow.enrich.training.topic;

import java.util.List;
import java.util.Map;

/**
 * Curated English keywords and short phrases per IPTC level-1 topic, written for this project. They teach the model
 * how news about topics the BBC training set lacks actually reads (IPTC definitions are terse and abstract), and
 * they weakly label BBC articles that are also about such a topic (a BBC politics story about the Iraq war).
 * Lower-case; multi-word entries match as phrases.
 */
public final class TopicLexicon {

  private static final Map<String, List<String>> KEYWORDS = Map.ofEntries(
      Map.entry("medtop:01000000", List.of("film", "movie", "actor", "actress", "album", "singer", "band", "concert",
          "festival", "theatre", "museum", "exhibition", "artist", "novel", "author", "box office", "oscar",
          "grammy", "television series", "broadcaster", "director", "premiere", "gallery", "painting", "ballet",
          "opera", "comedy", "soundtrack", "chart", "musical", "documentary", "newspaper", "journalist", "magazine")),
      Map.entry("medtop:16000000", List.of("war", "invasion", "military", "troops", "soldiers", "army", "airstrike",
          "airstrikes", "strikes", "ceasefire", "truce", "hostages", "battalions", "offensive", "shelling",
          "artillery", "missile", "missiles", "rocket", "drone", "bombing", "militants", "insurgents", "rebels",
          "guerrilla", "armed forces", "frontline", "civilian casualties", "killed", "fighting", "combat",
          "occupation", "counterterrorism", "terrorist", "terrorism", "attack", "siege", "peace talks",
          "peacekeepers", "defence minister", "pentagon", "nato", "weapons", "warplanes", "tanks", "ground operation",
          "military operation", "humanitarian corridor", "refugees", "gunmen", "massacre", "coup", "uprising",
          "riot", "protesters", "prisoners of war")),
      Map.entry("medtop:02000000", List.of("police", "arrested", "arrest", "charged", "court", "trial", "judge",
          "jury", "prosecutor", "prosecution", "convicted", "sentenced", "prison", "jail", "murder", "homicide",
          "robbery", "theft", "fraud", "smuggling", "drug trafficking", "suspect", "detectives", "investigation",
          "lawsuit", "supreme court", "appeal", "verdict", "guilty", "acquitted", "lawyer", "attorney", "crime",
          "criminal", "gang", "stabbing", "shooting", "kidnapping", "corruption charges", "bail", "indictment")),
      Map.entry("medtop:03000000", List.of("earthquake", "magnitude", "tsunami", "flood", "flooding", "wildfire",
          "hurricane", "cyclone", "typhoon", "tornado", "landslide", "avalanche", "eruption", "volcano", "disaster",
          "death toll", "rescue", "rescuers", "survivors", "rubble", "evacuated", "evacuation", "emergency services",
          "crash", "plane crash", "derailed", "collision", "explosion", "fire", "firefighters", "injured",
          "casualties", "missing", "aftershocks", "relief effort", "aid agencies", "shipwreck", "capsized",
          "floods", "wildfires", "hurricanes", "quake", "tropical storm", "blaze", "drowned", "stranded",
          "state of emergency", "power outages", "homeless", "destroyed", "damage")),
      Map.entry("medtop:04000000", List.of("economy", "company", "shares", "profit", "revenue", "market",
          "investors", "inflation", "interest rates", "central bank", "gdp", "growth", "exports", "imports", "trade",
          "stock", "earnings", "bank", "merger", "acquisition", "bonds", "prices", "consumer", "retail",
          "oil prices", "currency", "dollar", "euro", "budget deficit", "tax", "firm", "chief executive", "takeover",
          "takeover bid", "buyout", "bankruptcy", "shareholders", "stake", "stock market", "wall street", "ipo",
          "profits", "sales", "quarterly", "analysts", "credit rating", "debt", "antitrust", "regulators",
          "billion deal", "investment")),
      Map.entry("medtop:05000000", List.of("school", "schools", "pupils", "students", "teachers", "teacher",
          "university", "universities", "college", "curriculum", "exam", "exams", "examinations", "tuition fees",
          "classroom", "headteacher", "education", "degree", "graduates", "campus", "lecturers", "literacy",
          "kindergarten", "primary school", "secondary school", "scholarship", "academic", "enrolment", "grades")),
      Map.entry("medtop:06000000", List.of("climate change", "global warming", "emissions", "carbon", "greenhouse",
          "pollution", "biodiversity", "species", "wildlife", "conservation", "deforestation", "forests",
          "environment", "environmental", "renewable", "solar", "wind farm", "recycling", "plastic waste", "habitat",
          "endangered", "ecosystem", "fossil fuels", "air quality", "drought", "sustainability", "net zero",
          "extinction", "coral reef", "oceans")),
      Map.entry("medtop:07000000", List.of("health", "hospital", "hospitals", "patients", "doctors", "nurses",
          "disease", "virus", "outbreak", "pandemic", "vaccine", "vaccination", "cancer", "diabetes", "infection",
          "symptoms", "treatment", "drug", "medicine", "surgery", "clinical trial", "mental health", "obesity",
          "nhs", "public health", "epidemic", "flu", "heart disease", "health care", "world health organization")),
      Map.entry("medtop:08000000", List.of("birthday", "anniversary", "celebrates", "wedding", "centenarian",
          "record-breaking", "world record", "heartwarming", "pet", "dog", "cat", "rescued", "reunited", "quirky",
          "bizarre", "lottery winner", "royal baby", "celebrity", "ceremony", "award", "prize", "oldest",
          "family", "viral")),
      Map.entry("medtop:09000000", List.of("workers", "employees", "jobs", "unemployment", "strike action",
          "walkout", "trade union", "unions", "union", "wages", "minimum wage", "pay rise", "pensions", "retirement",
          "labour market", "layoffs", "redundancies", "employment", "employers", "workforce", "job cuts",
          "collective bargaining", "industrial action", "picket", "working hours", "hiring")),
      Map.entry("medtop:10000000", List.of("travel", "holiday", "tourism", "tourists", "restaurant", "recipe",
          "cooking", "food", "fashion", "gardening", "hobby", "leisure", "fitness", "wellness", "diet", "wine",
          "home", "interior design", "shopping", "beauty", "lifestyle", "vacation", "hotel", "cruise", "dating")),
      Map.entry("medtop:11000000", List.of("government", "minister", "prime minister", "president", "administration",
          "election", "elections", "parliament", "congress", "senate", "lawmakers", "mps", "party", "opposition",
          "vote", "voters", "campaign", "policy", "foreign policy", "diplomacy", "diplomatic", "white house",
          "officials", "senior officials", "national security", "security adviser", "secretary of state",
          "legislation", "bill", "referendum", "sanctions", "talks", "alliance", "ally", "allies", "summit",
          "political", "politicians", "democrats", "republicans", "labour", "conservatives", "coalition")),
      Map.entry("medtop:12000000", List.of("church", "religion", "religious", "pope", "vatican", "bishop", "priest",
          "mosque", "imam", "islam", "muslim", "muslims", "christian", "christians", "catholic", "jewish",
          "synagogue", "rabbi", "hindu", "temple", "buddhist", "faith", "worship", "pilgrimage", "ramadan", "easter",
          "christmas", "clergy", "archbishop", "prayer", "theology", "bible", "koran")),
      Map.entry("medtop:13000000", List.of("technology", "software", "computer", "internet", "smartphone", "mobile",
          "research", "scientists", "study", "researchers", "space", "nasa", "satellite", "artificial intelligence",
          "robot", "digital", "online", "broadband", "chip", "gadget", "physics", "biology", "laboratory",
          "experiment", "genome", "innovation", "engineers", "cyber", "hackers", "data", "fossil", "fossils",
          "dinosaur", "astronomers", "telescope", "planet", "comet", "asteroid", "spacecraft", "orbit", "galaxy",
          "physicists", "evolution", "dna", "genetic", "cloned", "video game", "processor", "search engine",
          "operating system", "web", "wireless")),
      Map.entry("medtop:14000000", List.of("immigration", "migrants", "asylum", "poverty", "homelessness",
          "inequality", "discrimination", "racism", "welfare", "benefits", "social care", "families", "children",
          "elderly", "population", "census", "gender equality", "lgbt", "same-sex marriage", "human rights",
          "community", "volunteers", "charity", "disability", "housing crisis", "social services", "youth")),
      Map.entry("medtop:15000000", List.of("match", "goal", "goals", "football", "soccer", "striker", "midfielder",
          "defender", "goalkeeper", "referee", "league", "championship", "tournament", "cup", "final", "semi-final",
          "coach", "manager", "team", "squad", "season", "win", "victory", "defeat", "draw", "scored", "tennis",
          "cricket", "rugby", "golf", "athletics", "olympics", "world cup", "premier league", "player", "players",
          "fans", "stadium", "medal", "race", "champion")),
      Map.entry("medtop:17000000", List.of("weather", "forecast", "forecasters", "temperatures", "rain", "rainfall",
          "snow", "snowfall", "storm", "storms", "heatwave", "heat wave", "frost", "wind", "winds", "gusts",
          "thunderstorms", "fog", "sunshine", "cloud", "showers", "met office", "meteorologists", "cold snap",
          "weather warning", "celsius", "degrees", "humidity", "blizzard", "hail")));

  /** Keywords of the most newsworthy level-2 topics, telling siblings apart where IPTC definitions are abstract. */
  private static final Map<String, List<String>> LEVEL2_KEYWORDS = Map.ofEntries(
      Map.entry("medtop:20000056", List.of("war", "troops", "shelling", "airstrike", "offensive", "frontline",
          "artillery", "missile", "drone", "battle", "fighting", "army", "soldiers", "invasion", "ground operation",
          "military operation", "battalions", "tanks")),
      Map.entry("medtop:20000053", List.of("terrorist", "terror attack", "suicide bomber", "bombing", "hostages",
          "gunmen", "militants", "explosion", "claimed responsibility", "extremists", "jihadist")),
      Map.entry("medtop:20000065", List.of("protesters", "riot", "demonstrators", "tear gas", "clashed", "rally",
          "unrest", "curfew", "crackdown")),
      Map.entry("medtop:20000073", List.of("ceasefire", "peace talks", "truce", "negotiations", "peace deal",
          "mediators", "hostage deal", "peace agreement", "armistice")),
      Map.entry("medtop:20000574", List.of("election", "vote", "voters", "polls", "ballot", "candidate",
          "campaign", "polling stations", "turnout", "seats", "general election", "opinion poll")),
      Map.entry("medtop:20000593", List.of("cabinet", "ministry", "minister", "prime minister", "government",
          "administration", "cabinet reshuffle", "civil service")),
      Map.entry("medtop:20000638", List.of("diplomacy", "diplomatic", "foreign minister", "summit", "bilateral",
          "ambassador", "sanctions", "allies", "alliance", "foreign policy", "secretary of state", "embassy",
          "counterparts")),
      Map.entry("medtop:20000621", List.of("policy", "reform", "budget", "legislation", "spending plans",
          "white paper", "public services")),
      Map.entry("medtop:20000822", List.of("football", "tennis", "cricket", "rugby", "golf", "athletics",
          "match", "goal", "striker", "wicket", "try", "serve", "lap")),
      Map.entry("medtop:20001108", List.of("world cup", "olympics", "championship", "tournament", "final",
          "grand slam", "grand prix", "six nations")),
      Map.entry("medtop:20000082", List.of("murder", "robbery", "theft", "fraud", "stabbing", "shooting", "gang",
          "drug trafficking", "burglary", "assault", "kidnapping")),
      Map.entry("medtop:20000106", List.of("court", "judge", "jury", "trial", "verdict", "sentenced", "appeal",
          "prosecutor", "guilty", "acquitted", "magistrates")),
      Map.entry("medtop:20000129", List.of("police", "arrested", "detectives", "officers", "investigation",
          "raid", "suspect", "custody")),
      Map.entry("medtop:20000148", List.of("earthquake", "flood", "hurricane", "wildfire", "tsunami", "landslide",
          "eruption", "cyclone", "death toll", "magnitude")),
      Map.entry("medtop:20000139", List.of("crash", "collision", "derailed", "explosion", "fire", "plane crash",
          "capsized", "road accident", "blaze")),
      Map.entry("medtop:20000168", List.of("rescue", "rescuers", "evacuated", "emergency services",
          "relief effort", "firefighters", "paramedics")),
      Map.entry("medtop:20000344", List.of("inflation", "gdp", "growth", "interest rates", "central bank",
          "recession", "economists", "consumer spending", "trade deficit")),
      Map.entry("medtop:20000385", List.of("shares", "stock", "investors", "bonds", "currency", "dollar", "index",
          "stock market", "traders", "ftse", "dow jones")),
      Map.entry("medtop:20000170", List.of("company", "profit", "revenue", "earnings", "chief executive",
          "merger", "acquisition", "quarterly results", "shareholders")),
      Map.entry("medtop:20000446", List.of("virus", "outbreak", "cancer", "infection", "disease", "pandemic",
          "symptoms", "diabetes", "dementia")),
      Map.entry("medtop:20000464", List.of("treatment", "surgery", "drug", "vaccine", "therapy",
          "clinical trial", "transplant")),
      Map.entry("medtop:20000756", List.of("software", "computer", "internet", "smartphone", "chip",
          "artificial intelligence", "robot", "broadband", "gadget", "app")),
      Map.entry("medtop:20000735", List.of("scientists", "researchers", "study", "laboratory", "experiment",
          "journal", "findings")),
      Map.entry("medtop:20000418", List.of("climate change", "global warming", "emissions", "carbon",
          "greenhouse", "net zero", "fossil fuels")),
      Map.entry("medtop:20000424", List.of("pollution", "air quality", "plastic waste", "sewage",
          "contamination", "toxic")),
      Map.entry("medtop:20000420", List.of("wildlife", "endangered", "species", "habitat", "national park",
          "poaching", "biodiversity")),
      Map.entry("medtop:20000524", List.of("strike action", "walkout", "industrial action", "picket", "union",
          "pay dispute", "pay offer")),
      Map.entry("medtop:20000533", List.of("unemployment", "jobless", "layoffs", "job cuts", "redundancies",
          "jobseekers")),
      Map.entry("medtop:20001128", List.of("forecast", "forecasters", "temperatures", "showers", "sunshine",
          "outlook", "cloudy")),
      Map.entry("medtop:20001131", List.of("weather warning", "met office", "warning", "alert", "amber warning",
          "red warning")),
      Map.entry("medtop:20001129", List.of("storm", "snow", "heatwave", "rain", "fog", "frost", "wind", "gales",
          "thunderstorms")),
      Map.entry("medtop:20000002", List.of("film", "music", "album", "concert", "actor", "theatre", "singer",
          "box office", "band")),
      Map.entry("medtop:20000045", List.of("newspaper", "broadcaster", "television", "journalist", "radio",
          "magazine", "bbc", "editor")),
      Map.entry("medtop:20000400", List.of("school", "pupils", "headteacher", "classroom", "primary school",
          "secondary school")),
      Map.entry("medtop:20000416", List.of("teachers", "teacher", "teaching staff")),
      Map.entry("medtop:20000703", List.of("pope", "bishop", "imam", "rabbi", "archbishop", "clergy",
          "cardinal")));

  private TopicLexicon() {
  }

  /**
   * @param level2Id a level-2 qcode
   * @return its keywords, empty when none are curated
   */
  public static List<String> level2Keywords(String level2Id) {
    return LEVEL2_KEYWORDS.getOrDefault(level2Id, List.of());
  }

  /**
   * @param level1Id a level-1 qcode
   * @return its keywords, empty when none are curated
   */
  public static List<String> keywords(String level1Id) {
    return KEYWORDS.getOrDefault(level1Id, List.of());
  }
}
