package org.newsflow.enrich.tagging.topic;

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
          "casualties", "missing", "aftershocks", "relief effort", "aid agencies", "shipwreck", "capsized")),
      Map.entry("medtop:04000000", List.of("economy", "company", "shares", "profit", "revenue", "market",
          "investors", "inflation", "interest rates", "central bank", "gdp", "growth", "exports", "imports", "trade",
          "stock", "earnings", "bank", "merger", "acquisition", "bonds", "prices", "consumer", "retail",
          "oil prices", "currency", "dollar", "euro", "budget deficit", "tax", "firm", "chief executive")),
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
          "experiment", "genome", "innovation", "engineers", "cyber", "hackers", "data")),
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

  private TopicLexicon() {
  }

  /**
   * @param level1Id a level-1 qcode
   * @return its keywords, empty when none are curated
   */
  public static List<String> keywords(String level1Id) {
    return KEYWORDS.getOrDefault(level1Id, List.of());
  }
}
