namespace Kompetensbron.Core.Demo;

/// <summary>Fictional people's names: common Swedish names and names common among newly arrived groups.</summary>
internal static class DemoNames
{
    public static readonly string[] SwedishWomen =
    [
        "Anna", "Emma", "Maja", "Elin", "Sara", "Linnea", "Julia", "Alva", "Ebba", "Ida", "Moa", "Wilma", "Hanna",
        "Klara", "Johanna", "Karin", "Maria", "Lena", "Eva", "Sofia", "Frida", "Malin", "Jenny", "Ellen", "Tilda",
        "Agnes", "Lisa", "Camilla", "Therese", "Annika", "Birgitta", "Ulla",
    ];

    public static readonly string[] SwedishMen =
    [
        "Erik", "Lars", "Johan", "Anders", "Per", "Karl", "Nils", "Olof", "Mikael", "Jonas", "Fredrik", "Oscar",
        "William", "Lucas", "Hugo", "Elias", "Liam", "Axel", "Filip", "Viktor", "Emil", "Albin", "Isak", "Anton",
        "Gustav", "Simon", "Linus", "Marcus", "Henrik", "Tobias", "Bengt", "Göran",
    ];

    public static readonly string[] SwedishSurnames =
    [
        "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Andersson", "Pettersson", "Svensson",
        "Gustafsson", "Persson", "Lindberg", "Lindqvist", "Axelsson", "Holm", "Berg", "Fransson", "Magnusson",
        "Bengtsson", "Sandberg", "Öberg", "Åberg", "Ek", "Claesson", "Hedlund", "Jonsson", "Wiklund", "Strand",
        "Lundgren", "Sjöberg", "Hjalmarsson",
    ];

    /// <summary>Name pools by mother tongue (JobTech language id): women, men, surnames.</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Women, string[] Men, string[] Surnames)> ByLanguage =
        new Dictionary<string, (string[], string[], string[])>
        {
            [DemoCatalogue.Arabic.Id] = (
                ["Fatima", "Amina", "Layla", "Noor", "Rana", "Huda", "Rasha", "Yasmin"],
                ["Ahmad", "Mohammed", "Omar", "Yousef", "Khaled", "Ali", "Hassan", "Samir"],
                ["Al-Hassan", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Darwish", "Hamdan"]),
            [DemoCatalogue.Syriac.Id] = (
                ["Mariam", "Sara", "Nahrin", "Shamiram"],
                ["Gabriel", "Ninos", "Aday", "Sargon"],
                ["Isa", "Gorgis", "Barsom", "Yacoub"]),
            [DemoCatalogue.Tigrinya.Id] = (
                ["Helen", "Selam", "Rahel", "Saba", "Luwam", "Senait"],
                ["Yonas", "Dawit", "Semere", "Tesfay", "Mehari", "Filmon"],
                ["Tesfamariam", "Ghebremedhin", "Haile", "Kidane", "Berhane", "Tekle"]),
            [DemoCatalogue.Amharic.Id] = (
                ["Tigist", "Meron", "Hiwot", "Bethlehem"],
                ["Abebe", "Dawit", "Yared", "Kebede"],
                ["Alemu", "Bekele", "Tadesse", "Girma"]),
            [DemoCatalogue.Somali.Id] = (
                ["Hodan", "Fadumo", "Ayan", "Sahra", "Hamdi", "Ifrah"],
                ["Abdi", "Mohamed", "Abdirahman", "Hassan", "Liban", "Said"],
                ["Warsame", "Farah", "Hussein", "Osman", "Jama", "Ali"]),
            [DemoCatalogue.Dari.Id] = (
                ["Zahra", "Maryam", "Fereshta", "Sakina", "Nilofar"],
                ["Ahmad", "Mahmoud", "Farid", "Habib", "Mustafa", "Jawad"],
                ["Rahimi", "Hosseini", "Karimi", "Ahmadi", "Sultani", "Noori"]),
            [DemoCatalogue.Persian.Id] = (
                ["Parisa", "Shirin", "Nazanin", "Leila", "Mina"],
                ["Reza", "Amir", "Hamid", "Babak", "Saeed"],
                ["Mohammadi", "Rostami", "Jafari", "Kazemi", "Moradi"]),
            [DemoCatalogue.Pashto.Id] = (
                ["Malalai", "Zarghona", "Gulalai"],
                ["Naqib", "Khalid", "Wahid", "Samiullah"],
                ["Safi", "Stanikzai", "Popal", "Zazai"]),
            [DemoCatalogue.Ukrainian.Id] = (
                ["Olena", "Iryna", "Nataliia", "Oksana", "Yuliia", "Tetiana"],
                ["Oleksandr", "Andrii", "Dmytro", "Serhii", "Mykola", "Vasyl"],
                ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko"]),
            [DemoCatalogue.KurdishSorani.Id] = (
                ["Shilan", "Dilan", "Berivan", "Avin"],
                ["Azad", "Rebwar", "Hozan", "Zana", "Karwan"],
                ["Aziz", "Rashid", "Hama", "Karim", "Abdullah"]),
            [DemoCatalogue.KurdishKurmanji.Id] = (
                ["Rojin", "Zelal", "Nesrin"],
                ["Baran", "Serhat", "Welat", "Dilovan"],
                ["Amed", "Kaya", "Dogan", "Ciwan"]),
            [DemoCatalogue.Turkish.Id] = (
                ["Ayşe", "Elif", "Zeynep", "Merve"],
                ["Mehmet", "Emre", "Murat", "Burak"],
                ["Yılmaz", "Demir", "Kaya", "Çelik", "Şahin"]),
            [DemoCatalogue.Thai.Id] = (
                ["Malee", "Suda", "Ploy", "Kanya", "Nok"],
                ["Somchai", "Niran", "Anan", "Prasert"],
                ["Srisuk", "Chaiyaporn", "Boonmee", "Saetang"]),
            [DemoCatalogue.Bosnian.Id] = (
                ["Amra", "Lejla", "Selma", "Aida"],
                ["Amir", "Emir", "Edin", "Mirza", "Adnan"],
                ["Hodžić", "Begić", "Mehmedović", "Delić", "Hadžić"]),
            [DemoCatalogue.Polish.Id] = (
                ["Agnieszka", "Katarzyna", "Magdalena", "Joanna"],
                ["Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek"],
                ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński"]),
            [DemoCatalogue.Romanian.Id] = (
                ["Ioana", "Elena", "Andreea", "Maria"],
                ["Andrei", "Mihai", "Florin", "Ionuț"],
                ["Popescu", "Ionescu", "Dumitru", "Stan"]),
        };
}
