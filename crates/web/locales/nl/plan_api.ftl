# De API van het ontwikkelplan: wat alleen daar kan misgaan.

problem-plan-year-last-title = Geen volgend schooljaar
problem-plan-year-last = Dit is het laatste schooljaar waarvoor je in Leidraad een plan kunt maken; een thema meenemen naar het jaar erna kan daarom niet.
