import base64
import os
import pickle
import subprocess

import requests
import yaml
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template import Context, Template

from django import forms

from introduction.models import Blog, login


class SearchForm(forms.Form):
    q = forms.CharField()
    next = forms.CharField(required=False)

BASE_DIR = os.path.dirname(os.path.abspath(__file__))


def sql_lab(request):
    if request.method == "POST":
        name = request.POST.get("name")
        password = request.POST.get("pass")
        sql_query = "SELECT * FROM introduction_login WHERE user='" + name + "'AND password='" + password + "'"
        val = login.objects.raw(sql_query)  # expect: SqlInjection
        return render(request, "Lab/SQL/sql_lab.html", {"user": val})
    return render(request, "Lab/SQL/sql_lab.html")


def sql_lab_cursor(request):
    uid = request.GET["id"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM introduction_login WHERE id = '%s'" % uid)  # expect: SqlInjection
        row = cursor.fetchone()
    return render(request, "Lab/SQL/sql_lab.html", {"row": row})


def cmd_lab(request):
    if request.method == "POST":
        domain = request.POST.get("domain")
        domain = domain.replace("https://www.", "")
        os_name = request.POST.get("os")
        if os_name == "win":
            command = "nslookup {}".format(domain)
        else:
            command = "dig {}".format(domain)
        try:
            output = subprocess.check_output(command, shell=True, encoding="UTF-8")  # expect: OsCommandInjection
        except Exception:
            output = "Something went wrong"
        return render(request, "Lab/CMD/cmd_lab.html", {"output": output})
    return render(request, "Lab/CMD/cmd_lab.html")


def cmd_lab2(request):
    ip = request.POST.get("ip")
    result = os.popen("ping -c 3 " + ip).read()  # expect: OsCommandInjection
    return HttpResponse(result, content_type="text/plain")


def a9_lab(request):
    expression = request.POST.get("val")
    output = eval(expression)  # expect: CodeInjection
    return render(request, "Lab/A9/a9_lab.html", {"output": output})


def ssrf_lab(request):
    url = request.POST.get("url")
    try:
        response = requests.get(url)  # expect: ServerSideRequestForgery
        return HttpResponse(response.content, content_type="text/plain")
    except Exception:
        return HttpResponse("error", content_type="text/plain")


def xss_lab(request):
    q = request.GET.get("q", "")
    blogs = Blog.objects.filter(title__icontains=q)
    if not blogs:
        return HttpResponse("<h1>No results for " + q + "</h1>")  # expect: ReflectedXss
    return render(request, "Lab/XSS/xss_lab.html", {"blogs": blogs, "query": q})


def insec_des_lab(request):
    token = request.COOKIES.get("token")
    if token:
        user = pickle.loads(base64.b64decode(token))  # expect: UnsafeDeserialization
        return HttpResponse("Welcome " + str(user.name), content_type="text/plain")
    return render(request, "Lab/insec_des/insec_des_lab.html")


def yaml_lab(request):
    data = yaml.load(request.body)  # expect: UnsafeDeserialization
    return HttpResponse(str(data), content_type="text/plain")


def redirect_lab(request):
    next_url = request.GET.get("next")
    return redirect(next_url)  # expect: OpenRedirect


def logout_lab(request):
    return HttpResponseRedirect(request.GET.get("next", "/"))  # expect: OpenRedirect


def read_file(request, filename):
    with open(os.path.join(BASE_DIR, "static", filename)) as f:  # expect: PathTraversal
        return HttpResponse(f.read(), content_type="text/plain")


def download(request):
    f = request.GET["f"]
    return HttpResponse(open(BASE_DIR + "/files/" + f, "rb").read(), content_type="application/octet-stream")  # expect: PathTraversal


def ssti_lab(request, template):
    t = Template("<p>Hello " + template + "</p>")  # expect: TemplateInjection
    return HttpResponse(t.render(Context({})))


def register(request):
    user = login.objects.create(**request.POST.dict())  # expect: MassAssignment
    return HttpResponse("registered", content_type="text/plain")


def user_detail(request, user_id):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT user FROM introduction_login WHERE id = {user_id}")
        return HttpResponse(str(cursor.fetchone()), content_type="text/plain")


def sql_lab_secure(request):
    name = request.POST.get("name")
    val = login.objects.raw("SELECT * FROM introduction_login WHERE user = %s", [name])
    return render(request, "Lab/SQL/sql_lab.html", {"user": val})


def blog_search(request):
    form = SearchForm(request.GET)
    if form.is_valid():
        q = form.cleaned_data["q"]
        blogs = Blog.objects.raw("SELECT * FROM introduction_blog WHERE title LIKE '%%" + q + "%%'")  # expect: SqlInjection
        Blog.objects.filter(**form.cleaned_data)
        return render(request, "Lab/XSS/xss_lab.html", {"blogs": blogs})
    return redirect(request.META.get("HTTP_REFERER", "/"))
